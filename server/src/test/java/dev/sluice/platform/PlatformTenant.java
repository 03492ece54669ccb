package dev.sluice.platform;

import java.util.EnumSet;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.KeyPair;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.TestAccounts;

/**
 * A fresh account for platform tests: its owner (super administrator) as a client, sub-users on demand, and JSON for
 * struct parameters. Each test makes its own, so tests never see each other's projects or sources.
 */
public final class PlatformTenant {

    /** A sub-user (global role: member) with full access and a client signing as them. */
    public record Member(User user, RawClient client) {
        public long id() {
            return user.id();
        }
    }

    private final AccountAdmin admin;
    private final int port;
    public final NewAccount account;
    public final RawClient owner;

    private PlatformTenant(AccountAdmin admin, int port) {
        this.admin = admin;
        this.port = port;
        NewAccount created = TestAccounts.create(admin, "intelligent");
        // The test plan with 1000 QPS (billable beyond its free calls), so a test's burst of level-3 calls is not throttled.
        admin.updateAccount(created.account().id(), "tinypayg", true, false);
        this.account = created;
        this.owner = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    public static PlatformTenant create(AccountAdmin admin, int port) {
        return new PlatformTenant(admin, port);
    }

    public long tenantId() {
        return account.tenant().id();
    }

    public long ownerId() {
        return account.mainUser().id();
    }

    /** A call signed by the owner, with this tenant's OpTenantId. */
    public RawClient.Call call(String action) {
        return as(owner, action);
    }

    public RawClient.Call as(RawClient client, String action) {
        return client.call(action).param("OpTenantId", tenantId());
    }

    public Member member(String name) {
        User user = admin.createUser(account.account().id(), name, EnumSet.of(Policy.FULL_ACCESS));
        KeyPair key = admin.createAccessKey(user.id());
        return new Member(user, new RawClient(port, key.accessKeyId(), key.accessKeySecret()));
    }

    public static String json(Object value) {
        return RpcJson.MAPPER.writeValueAsString(value);
    }
}
