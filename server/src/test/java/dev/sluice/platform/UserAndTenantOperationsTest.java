package dev.sluice.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.KeyPair;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import tools.jackson.databind.JsonNode;

/** The four platform operations built on accounts and users, as a caller sees them. */
@SluiceServerTest
class UserAndTenantOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    NewAccount account;
    RawClient owner;

    @BeforeEach
    void newAccount() {
        account = TestAccounts.create(admin, "basic");
        owner = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    @Test
    void theOwnerHoldsTheSuperAdministratorRoleAndASubUserIsAMember() {
        Response mine = owner.call("GetMyRoles").param("OpTenantId", account.tenant().id()).send();
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().get("RoleList")).extracting(r -> r.get("Name").asString()).containsExactly("super_admin");

        User sub = admin.createUser(account.account().id(), "analyst", EnumSet.of(Policy.FULL_ACCESS));
        KeyPair subKey = admin.createAccessKey(sub.id());
        Response theirs = new RawClient(port, subKey.accessKeyId(), subKey.accessKeySecret())
                .call("GetMyRoles").param("OpTenantId", account.tenant().id()).acs3().send();
        assertThat(theirs.body().get("RoleList")).extracting(r -> r.get("Name").asString()).containsExactly("member");
    }

    @Test
    void getUsersAnswersOnlyThisAccountsUsers() {
        User sub = admin.createUser(account.account().id(), "analyst", Set.of(Policy.READ_ONLY));
        NewAccount stranger = TestAccounts.create(admin, "basic");

        Response response = owner.call("GetUsers").param("OpTenantId", account.tenant().id())
                .param("UserIdList", "[\"" + sub.id() + "\",\"" + stranger.mainUser().id() + "\",\"not-a-number\"]").send();

        assertThat(response.status()).isEqualTo(200);
        JsonNode users = response.body().get("UserList");
        assertThat(users).hasSize(1);
        JsonNode user = users.get(0);
        assertThat(user.get("Id").asString()).isEqualTo(String.valueOf(sub.id()));
        assertThat(user.get("Name").asString()).isEqualTo("analyst");
        assertThat(user.get("SourceType").asString()).isEqualTo("ALIYUN");
        assertThat(user.get("ParentId").asString()).isEqualTo(String.valueOf(account.mainUser().id()));
        assertThat(user.get("GmtCreate").asLong()).isPositive();
    }

    @Test
    void getUserBySourceIdFindsTheUserOrSaysItDoesNotExist() {
        Response found = owner.call("GetUserBySourceId").param("OpTenantId", account.tenant().id())
                .param("SourceId", account.mainUser().sourceId()).send();
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("User").get("Id").asString()).isEqualTo(String.valueOf(account.mainUser().id()));
        assertThat(found.body().get("User").get("DisplayName").asString()).isEqualTo("owner");

        NewAccount stranger = TestAccounts.create(admin, "basic");
        Response hidden = owner.call("GetUserBySourceId").param("OpTenantId", account.tenant().id())
                .param("SourceId", stranger.mainUser().sourceId()).send();
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.code()).isEqualTo("EntityNotExist");
    }

    @Test
    void getMyTenantsFiltersByFeatureCodes() {
        Response all = owner.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send();
        assertThat(all.body().get("TenantList")).hasSize(1);

        Response none = owner.call("GetMyTenants").param("OpTenantId", account.tenant().id())
                .param("FeatureCodeList", "[\"no-such-feature\"]").send();
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().get("TenantList")).isEmpty();
    }

    @Test
    void aDisabledUserCannotCallEvenWithAnEnabledKey() {
        User sub = admin.createUser(account.account().id(), "leaver", Set.of(Policy.FULL_ACCESS));
        KeyPair key = admin.createAccessKey(sub.id());
        admin.setUserEnabled(sub.id(), false);

        Response response = new RawClient(port, key.accessKeyId(), key.accessKeySecret())
                .call("GetMyTenants").param("OpTenantId", account.tenant().id()).send();

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.code()).isEqualTo("Forbidden.UserDisabled");
    }
}
