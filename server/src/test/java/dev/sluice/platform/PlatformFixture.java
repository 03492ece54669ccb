package dev.sluice.platform;

import java.util.EnumSet;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.KeyPair;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.TeaClient;
import dev.sluice.testsupport.TestAccounts;

/** A fresh account whose owner (super administrator) and sub-users call the platform operations. */
public final class PlatformFixture {

    /** A sub-user with full access and its own key; an ordinary member of the tenant. */
    public record Sub(User user, RawClient client, KeyPair key) {

        public String id() {
            return String.valueOf(user.id());
        }
    }

    public final NewAccount account;
    public final RawClient owner;
    private final int port;
    private final AccountAdmin admin;

    private PlatformFixture(int port, AccountAdmin admin) {
        this.port = port;
        this.admin = admin;
        // An Intelligent-edition plan without tight QPS or daily caps: these tests make many level-3 calls a second.
        NewAccount created = TestAccounts.create(admin, "tinypayg");
        admin.updateAccount(created.account().id(), "tinypayg", true, false);
        this.account = created;
        this.owner = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    public static PlatformFixture create(int port, AccountAdmin admin) {
        return new PlatformFixture(port, admin);
    }

    public long tenant() {
        return account.tenant().id();
    }

    public String ownerId() {
        return String.valueOf(account.mainUser().id());
    }

    public Sub sub(String name) {
        User user = admin.createUser(account.account().id(), name, EnumSet.of(Policy.FULL_ACCESS));
        KeyPair key = admin.createAccessKey(user.id());
        return new Sub(user, new RawClient(port, key.accessKeyId(), key.accessKeySecret()), key);
    }

    public TeaClient tea() {
        return new TeaClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    /** Calls with OpTenantId set and the given name/value pairs. */
    public Response call(RawClient client, String action, Object... params) {
        RawClient.Call call = client.call(action).param("OpTenantId", tenant());
        for (int i = 0; i < params.length; i += 2) call.param((String) params[i], params[i + 1]);
        return call.send();
    }

    public Response call(String action, Object... params) {
        return call(owner, action, params);
    }
}
