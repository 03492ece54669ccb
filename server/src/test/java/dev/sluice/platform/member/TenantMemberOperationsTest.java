package dev.sluice.platform.member;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aliyun.tea.TeaException;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Tenant members, their global roles and contact details, as callers see them. */
@SluiceServerTest
class TenantMemberOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformFixture f;

    @BeforeEach
    void newAccount() {
        f = PlatformFixture.create(port, admin);
    }

    private Sub nonMember(String name) {
        Sub sub = f.sub(name);
        admin.removeMember(f.tenant(), sub.user().id());
        return sub;
    }

    private JsonNode member(String userId) {
        Response list = f.call("ListTenantMembers", "ListQuery", "{\"Page\":1,\"PageSize\":100}");
        for (JsonNode user : list.body().get("PageResult").get("UserList")) {
            if (user.get("Id").asString().equals(userId)) return user;
        }
        return null;
    }

    @Test
    void addableRolesAreTheBuiltInOnesButSuperAdministratorAndCommonUser() {
        Response roles = f.call("ListAddableRoles");
        assertThat(roles.status()).isEqualTo(200);
        List<String> codes = roles.body().get("RoleList").valueStream().map(r -> r.get("Code").asString()).toList();
        assertThat(codes).contains("SYSTEM_ADMIN", "SECURITY_ADMIN", "DATASOURCE_MANAGER", "QUALITY_MANAGER")
                .doesNotContain("SUPER_ADMIN", "COMMON_USER");
        assertThat(roles.body().get("RoleList").get(0).get("Name").asString()).isNotBlank();
    }

    @Test
    void addableUsersAreTheAccountsUsersNotYetMembersAndOnlyAdministratorsMayList() {
        Sub outsider = nonMember("outsider");
        Sub insider = f.sub("insider");
        Response addable = f.call("ListAddableUsers", "ListQuery", "{\"Page\":1,\"PageSize\":10}");
        assertThat(addable.status()).isEqualTo(200);
        assertThat(addable.body().get("PageResult").get("TotalCount").asLong()).isEqualTo(1);
        assertThat(addable.body().get("PageResult").get("UserList").get(0).get("Id").asString()).isEqualTo(outsider.id());

        Response searched = f.call("ListAddableUsers", "ListQuery", "{\"SearchText\":\"nobody-like-this\"}");
        assertThat(searched.body().get("PageResult").get("TotalCount").asLong()).isZero();

        Response tooBig = f.call("ListAddableUsers", "ListQuery", "{\"Page\":1,\"PageSize\":1000}");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.code()).isEqualTo("InvalidParameter");
        assertThat(tooBig.message()).contains("ListQuery.PageSize");

        Response missing = f.call("ListAddableUsers");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("ListQuery");

        Response refused = f.call(insider.client(), "ListAddableUsers", "ListQuery", "{}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
    }

    @Test
    void addTenantMembersGivesRolesAndListTenantMembersShowsThemFilteredByRole() {
        Sub newcomer = nonMember("newcomer");
        Response added = f.call("AddTenantMembers", "AddCommand",
                "{\"UserList\":[{\"Id\":\"" + newcomer.id() + "\",\"RoleList\":[\"SECURITY_ADMIN\"]}]}");
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body().get("Data").asBoolean()).isTrue();

        JsonNode shown = member(newcomer.id());
        assertThat(shown).isNotNull();
        assertThat(shown.get("RoleList").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("SECURITY_ADMIN", "COMMON_USER");
        Response byRole = f.call("ListTenantMembers", "ListQuery", "{\"Page\":1,\"PageSize\":10,\"RoleList\":[\"SECURITY_ADMIN\"]}");
        assertThat(byRole.body().get("PageResult").get("TotalCount").asLong()).isEqualTo(1);
        Response mine = f.call(newcomer.client(), "GetMyRoles");
        assertThat(mine.body().get("RoleList").valueStream().map(r -> r.get("Name").asString()).toList()).contains("security_admin");

        Response again = f.call("AddTenantMembers", "AddCommand", "{\"UserList\":[{\"Id\":\"" + newcomer.id() + "\"}]}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.message()).contains("AddCommand.UserList[0].Id").contains("member already");
    }

    @Test
    void addTenantMembersRefusesUnknownRolesStrangersAndNonAdministrators() {
        Sub newcomer = nonMember("newcomer");
        Response badRole = f.call("AddTenantMembers", "AddCommand",
                "{\"UserList\":[{\"Id\":\"" + newcomer.id() + "\",\"RoleList\":[\"SUPER_ADMIN\"]}]}");
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.code()).isEqualTo("InvalidParameter");
        assertThat(badRole.message()).contains("AddCommand.UserList[0].RoleList[0]");

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreign = f.call("AddTenantMembers", "AddCommand", "{\"UserList\":[{\"Id\":\"" + stranger.ownerId() + "\"}]}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.message()).contains("is not a user of this account");
        assertThat(member(stranger.ownerId())).isNull();

        Response missing = f.call("AddTenantMembers", "AddCommand", "{}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("AddCommand.UserList");

        Sub plain = f.sub("plain");
        Response refused = f.call(plain.client(), "AddTenantMembers", "AddCommand", "{\"UserList\":[{\"Id\":\"" + newcomer.id() + "\"}]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(member(newcomer.id())).isNull();
    }

    @Test
    void onlyASuperAdministratorAppointsSystemAdministrators() {
        Sub sysAdmin = f.sub("sysadmin");
        assertThat(f.call("UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + sysAdmin.id() + "\",\"RoleList\":[\"SYSTEM_ADMIN\"]}]}").status()).isEqualTo(200);
        Sub other = f.sub("other");
        Response refused = f.call(sysAdmin.client(), "UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + other.id() + "\",\"RoleList\":[\"SYSTEM_ADMIN\"]}]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(refused.message()).contains("super administrators");
        Response allowed = f.call(sysAdmin.client(), "UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + other.id() + "\",\"RoleList\":[\"QUALITY_MANAGER\"]}]}");
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(member(other.id()).get("RoleList").valueStream().map(JsonNode::asString).toList()).contains("QUALITY_MANAGER");
    }

    @Test
    void updateTenantMemberChangesContactAndRejectsBadValues() {
        Sub sub = f.sub("contact");
        Response updated = f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"UserId\":\"" + sub.id()
                + "\",\"Mail\":\"a@b.example\",\"MobilePhone\":\"13888888888\",\"DingNumber\":\"ding-1\"}]}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode shown = member(sub.id());
        assertThat(shown.get("Mail").asString()).isEqualTo("a@b.example");
        assertThat(shown.get("DingNumber").asString()).isEqualTo("ding-1");
        assertThat(shown.get("RoleList").valueStream().map(JsonNode::asString).toList()).containsExactly("COMMON_USER");

        Response badMail = f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"UserId\":\"" + sub.id() + "\",\"Mail\":\"nope\"}]}");
        assertThat(badMail.status()).isEqualTo(400);
        assertThat(badMail.message()).contains("UpdateCommand.MemberList[0].Mail");

        Response missing = f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"Mail\":\"a@b.example\"}]}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("UpdateCommand.MemberList[0].UserId");

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreign = f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"UserId\":\"" + stranger.ownerId()
                + "\",\"Mail\":\"x@y.example\"}]}");
        assertThat(foreign.status()).isEqualTo(400);
        assertThat(foreign.message()).contains("not a user id of a member of this tenant");
    }

    @Test
    void removeTenantMemberBySourceIdMakesTheUserAddableAgain() {
        Sub leaver = f.sub("leaver");
        Response removed = f.call("RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + leaver.user().sourceId() + "\"}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(member(leaver.id())).isNull();
        Response addable = f.call("ListAddableUsers", "ListQuery", "{}");
        assertThat(addable.body().get("PageResult").get("UserList").valueStream().map(u -> u.get("Id").asString())).contains(leaver.id());
        Response leaverCalls = leaver.client().call("GetMyTenants").param("OpTenantId", f.account.tenant().id()).send();
        assertThat(leaverCalls.status()).as("a removed member keeps its keys but acts in the tenant no more").isEqualTo(403);
        assertThat(leaverCalls.code()).isEqualTo("Forbidden.NotTenantMember");

        Response owner = f.call("RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + f.account.mainUser().sourceId() + "\"}");
        assertThat(owner.status()).isEqualTo(400);
        assertThat(owner.message()).contains("owner");

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreign = f.call("RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + stranger.account.mainUser().sourceId() + "\"}");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo("EntityNotExist");

        Response missing = f.call("RemoveTenantMember", "RemoveCommand", "{}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("RemoveCommand.SourceId");

        Sub plain = f.sub("plain");
        Response refused = f.call(plain.client(), "RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + plain.user().sourceId() + "\"}");
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
    }

    @Test
    void sourceUsersBecomeMembersAndKnownSourceIdsAreReused() {
        Response added = f.call("AddTenantMembersBySourceUser", "AddCommand",
                "{\"SourceUserList\":[{\"SourceId\":\"dd-4711\",\"AccountName\":\"zhang\",\"DisplayName\":\"Zhang San\","
                        + "\"Mail\":\"zhang@corp.example\",\"SourceType\":\"DINGTALK\"}]}");
        assertThat(added.status()).isEqualTo(200);
        Response found = f.call("GetUserBySourceId", "SourceId", "dd-4711");
        assertThat(found.status()).isEqualTo(200);
        String id = found.body().get("User").get("Id").asString();
        assertThat(member(id).get("SourceType").asString()).isEqualTo("DINGTALK");
        assertThat(member(id).get("DisplayName").asString()).isEqualTo("Zhang San");

        assertThat(f.call("AddTenantMembersBySourceUser", "AddCommand", "{\"SourceUserList\":[{\"SourceId\":\"dd-4711\"}]}").status())
                .isEqualTo(200);
        Response missing = f.call("AddTenantMembersBySourceUser", "AddCommand", "{\"SourceUserList\":[{\"AccountName\":\"x\"}]}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("AddCommand.SourceUserList[0].SourceId");

        Sub plain = f.sub("plain");
        Response refused = f.call(plain.client(), "AddTenantMembersBySourceUser", "AddCommand", "{\"SourceUserList\":[{\"SourceId\":\"dd-1\"}]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        assertThat(stranger.call("GetUserBySourceId", "SourceId", "dd-4711").status()).isEqualTo(404);
    }

    @Test
    void listTenantMembersValidatesItsQuery() {
        Response badGroup = f.call("ListTenantMembers", "ListQuery", "{\"Page\":1,\"PageSize\":10,\"UserGroupIdList\":[\"abc\"]}");
        assertThat(badGroup.status()).isEqualTo(400);
        assertThat(badGroup.message()).contains("ListQuery.UserGroupIdList[0]");
        Response missing = f.call("ListTenantMembers", "ListQuery", "{\"Page\":1}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("ListQuery.PageSize");
        Response zero = f.call("ListTenantMembers", "ListQuery", "{\"Page\":0,\"PageSize\":10}");
        assertThat(zero.message()).contains("ListQuery.Page");
    }

    @Test
    void theAlibabaClientAddsAndListsMembers() {
        Sub newcomer = nonMember("tea-newcomer");
        Map<String, String> query = Map.of("OpTenantId", String.valueOf(f.tenant()));
        Map<String, Object> added = f.tea().call("AddTenantMembers", query,
                Map.of("AddCommand", "{\"UserList\":[{\"Id\":\"" + newcomer.id() + "\",\"RoleList\":[\"EXPORT_ADMIN\"]}]}"));
        assertThat(added.get("Data")).isEqualTo(true);
        Map<String, Object> listed = f.tea().call("ListTenantMembers", query,
                Map.of("ListQuery", "{\"Page\":1,\"PageSize\":20,\"SearchText\":\"tea-newcomer\"}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) listed.get("PageResult");
        assertThat(((Number) page.get("TotalCount")).intValue()).isEqualTo(1);
        assertThatThrownBy(() -> f.tea().call("ListTenantMembers", query, Map.of("ListQuery", "{\"Page\":1,\"PageSize\":0}")))
                .isInstanceOfSatisfying(TeaException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("InvalidParameter");
                    assertThat(e.getStatusCode()).isEqualTo(400);
                });
    }
}
