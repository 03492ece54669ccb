package dev.sluice.platform.usergroup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** User groups: their administrators (owners), members, switch and paging, as callers see them. */
@SluiceServerTest
class UserGroupOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformFixture f;
    Sub lead;
    Sub worker;

    @BeforeEach
    void newAccount() {
        f = PlatformFixture.create(port, admin);
        lead = f.sub("lead");
        worker = f.sub("worker");
    }

    private String create(Sub by, String name, String... admins) {
        String list = admins.length == 0 ? "" : ",\"AdminUserIdList\":[\"" + String.join("\",\"", admins) + "\"]";
        Response created = f.call(by.client(), "CreateUserGroup", "CreateCommand", "{\"Name\":\"" + name + "\",\"Description\":\"d\"" + list + "}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().get("UserGroupId").asString();
    }

    private JsonNode members(String groupId) {
        return f.call("ListUserGroupMembers", "ListQuery", "{\"PageNo\":1,\"PageSize\":50,\"UserGroupId\":\"" + groupId + "\"}")
                .body().get("PageResult");
    }

    @Test
    void theCreatorAdministersItsGroupAndGetUserGroupShowsIt() {
        String id = create(lead, "analysts");
        Response got = f.call(lead.client(), "GetUserGroup", "UserGroupId", id);
        assertThat(got.status()).isEqualTo(200);
        JsonNode info = got.body().get("UserGroupInfo");
        assertThat(info.get("Name").asString()).isEqualTo("analysts");
        assertThat(info.get("Active").asBoolean()).isTrue();
        assertThat(info.get("MyRole").asString()).isEqualTo("USER_GROUP_ADMIN");
        assertThat(info.get("AdminList").get(0).get("Id").asString()).isEqualTo(lead.id());
        assertThat(info.get("AdminList").get(0).get("AccountName").asString()).isEqualTo("lead");

        Response duplicate = f.call("CreateUserGroup", "CreateCommand", "{\"Name\":\"analysts\"}");
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.message()).contains("CreateCommand.Name").contains("exists already");
        Response nameless = f.call("CreateUserGroup", "CreateCommand", "{\"Description\":\"x\"}");
        assertThat(nameless.code()).isEqualTo("MissingParameter");
        assertThat(nameless.message()).contains("CreateCommand.Name");
    }

    @Test
    void groupAdministratorsManageMembersAndOthersAreRefused() {
        String id = create(lead, "ops");
        Response refused = f.call(worker.client(), "AddUserGroupMember", "AddCommand",
                "{\"UserGroupId\":\"" + id + "\",\"UserIdList\":[\"" + worker.id() + "\"]}");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");

        Response added = f.call(lead.client(), "AddUserGroupMember", "AddCommand",
                "{\"UserGroupId\":\"" + id + "\",\"UserIdList\":[\"" + worker.id() + "\"]}");
        assertThat(added.status()).isEqualTo(200);
        JsonNode page = members(id);
        assertThat(page.get("TotalCount").asLong()).isEqualTo(2);
        JsonNode workerRow = page.get("MemberList").valueStream()
                .filter(m -> m.get("UserInfo").get("Id").asString().equals(worker.id())).findFirst().orElseThrow();
        assertThat(workerRow.get("UserRole").asString()).isEqualTo("USER_GROUP_MEMBER");
        assertThat(workerRow.get("Creator").get("Id").asString()).isEqualTo(lead.id());
        assertThat(workerRow.get("UserGroupId").asString()).isEqualTo(id);

        Response lastAdmin = f.call(lead.client(), "RemoveUserGroupMember", "RemoveCommand",
                "{\"UserGroupId\":\"" + id + "\",\"UserIdList\":[\"" + lead.id() + "\"]}");
        assertThat(lastAdmin.status()).isEqualTo(400);
        assertThat(lastAdmin.message()).contains("at least one administrator");
        Response notInGroup = f.call(lead.client(), "RemoveUserGroupMember", "RemoveCommand",
                "{\"UserGroupId\":\"" + id + "\",\"UserIdList\":[\"" + f.ownerId() + "\"]}");
        assertThat(notInGroup.message()).contains("RemoveCommand.UserIdList[0]");
        Response removed = f.call(lead.client(), "RemoveUserGroupMember", "RemoveCommand",
                "{\"UserGroupId\":\"" + id + "\",\"UserIdList\":[\"" + worker.id() + "\"]}");
        assertThat(removed.status()).isEqualTo(200);
        assertThat(members(id).get("TotalCount").asLong()).isEqualTo(1);

        Response missing = f.call(lead.client(), "AddUserGroupMember", "AddCommand", "{\"UserGroupId\":\"" + id + "\"}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("AddCommand.UserIdList");
    }

    @Test
    void tenantAdministratorsUpdateAnyGroupAndAdministratorsCanBeReplaced() {
        String id = create(lead, "finance");
        Response updated = f.call("UpdateUserGroup", "UpdateCommand", "{\"Id\":\"" + id + "\",\"Name\":\"finance-2\","
                + "\"AdminUserIdList\":[\"" + worker.id() + "\"]}");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode info = f.call(lead.client(), "GetUserGroup", "UserGroupId", id).body().get("UserGroupInfo");
        assertThat(info.get("Name").asString()).isEqualTo("finance-2");
        assertThat(info.get("AdminList").valueStream().map(a -> a.get("Id").asString()).toList()).containsExactly(worker.id());
        assertThat(info.get("MyRole").asString()).isEqualTo("USER_GROUP_MEMBER");

        Response noAdmins = f.call("UpdateUserGroup", "UpdateCommand", "{\"Id\":\"" + id + "\",\"AdminUserIdList\":[]}");
        assertThat(noAdmins.status()).isEqualTo(400);
        assertThat(noAdmins.message()).contains("UpdateCommand.AdminUserIdList");
        Response missing = f.call("UpdateUserGroup", "UpdateCommand", "{\"Name\":\"x\"}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("UpdateCommand.Id");
        Response refused = f.call(lead.client(), "UpdateUserGroup", "UpdateCommand", "{\"Id\":\"" + id + "\",\"Name\":\"mine\"}");
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
    }

    @Test
    void theSwitchDisablesAGroupAndListUserGroupsFiltersAndPages() {
        String a = create(lead, "alpha");
        String b = create(worker, "beta");
        create(lead, "gamma");
        assertThat(f.call(lead.client(), "UpdateUserGroupSwitch", "UserGroupId", a, "Active", false).status()).isEqualTo(200);

        JsonNode inactive = f.call("ListUserGroups", "ListQuery", "{\"PageNo\":1,\"PageSize\":10,\"Active\":false}").body().get("PageResult");
        assertThat(inactive.get("TotalCount").asLong()).isEqualTo(1);
        assertThat(inactive.get("UserGroupList").get(0).get("Id").asString()).isEqualTo(a);
        JsonNode mine = f.call(worker.client(), "ListUserGroups", "ListQuery", "{\"PageNo\":1,\"PageSize\":10,\"FilterMine\":true}")
                .body().get("PageResult");
        assertThat(mine.get("UserGroupList").valueStream().map(g -> g.get("Id").asString()).toList()).containsExactly(b);
        JsonNode second = f.call("ListUserGroups", "ListQuery", "{\"PageNo\":2,\"PageSize\":2}").body().get("PageResult");
        assertThat(second.get("TotalCount").asLong()).isEqualTo(3);
        assertThat(second.get("UserGroupList")).hasSize(1);
        JsonNode byAdmin = f.call("ListUserGroups", "ListQuery", "{\"PageNo\":1,\"PageSize\":10,\"AdminIdList\":[\"" + worker.id() + "\"]}")
                .body().get("PageResult");
        assertThat(byAdmin.get("TotalCount").asLong()).isEqualTo(1);

        Response badSize = f.call("ListUserGroups", "ListQuery", "{\"PageNo\":1,\"PageSize\":101}");
        assertThat(badSize.message()).contains("ListQuery.PageSize");
        Response switchRefused = f.call(worker.client(), "UpdateUserGroupSwitch", "UserGroupId", a, "Active", true);
        assertThat(switchRefused.code()).isEqualTo("Forbidden.NoPermission");
        Response switchMissing = f.call(lead.client(), "UpdateUserGroupSwitch", "UserGroupId", a);
        assertThat(switchMissing.code()).isEqualTo("MissingParameter");
    }

    @Test
    void deletingAGroupRemovesItAndOtherTenantsNeverSeeIt() {
        String id = create(lead, "temp");
        PlatformFixture stranger = PlatformFixture.create(port, admin);
        for (String action : List.of("GetUserGroup", "DeleteUserGroup")) {
            Response probe = stranger.call(action, "UserGroupId", id);
            assertThat(probe.status()).as(action).isEqualTo(404);
            assertThat(probe.code()).isEqualTo("EntityNotExist");
        }
        Response foreignMembers = stranger.call("ListUserGroupMembers", "ListQuery", "{\"PageNo\":1,\"PageSize\":10,\"UserGroupId\":\"" + id + "\"}");
        assertThat(foreignMembers.status()).isEqualTo(404);
        assertThat(stranger.call("ListUserGroups", "ListQuery", "{\"PageNo\":1,\"PageSize\":10}").body()
                .get("PageResult").get("TotalCount").asLong()).isZero();
        Response foreignAdmin = f.call("CreateUserGroup", "CreateCommand", "{\"Name\":\"x\",\"AdminUserIdList\":[\"" + stranger.ownerId() + "\"]}");
        assertThat(foreignAdmin.status()).isEqualTo(400);
        assertThat(foreignAdmin.message()).contains("CreateCommand.AdminUserIdList[0]");

        assertThat(f.call(worker.client(), "DeleteUserGroup", "UserGroupId", id).code()).isEqualTo("Forbidden.NoPermission");
        Response deleted = f.call(lead.client(), "DeleteUserGroup", "UserGroupId", id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body().get("Data").asBoolean()).isTrue();
        assertThat(f.call("GetUserGroup", "UserGroupId", id).status()).isEqualTo(404);
        assertThat(f.call("GetUserGroup", "UserGroupId", "not-an-id").message()).contains("UserGroupId");
    }

    @Test
    void theAlibabaClientCreatesAndListsGroups() {
        Map<String, String> query = Map.of("OpTenantId", String.valueOf(f.tenant()));
        Map<String, Object> created = f.tea().call("CreateUserGroup", query, Map.of("CreateCommand", "{\"Name\":\"tea-group\"}"));
        assertThat(created.get("UserGroupId")).isNotNull();
        Map<String, Object> listed = f.tea().call("ListUserGroups", query, Map.of("ListQuery", "{\"PageNo\":1,\"PageSize\":10}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) listed.get("PageResult");
        assertThat(((Number) page.get("TotalCount")).intValue()).isEqualTo(1);
    }
}
