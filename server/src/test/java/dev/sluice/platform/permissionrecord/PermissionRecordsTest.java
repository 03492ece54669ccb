package dev.sluice.platform.permissionrecord;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Grants and revocations made anywhere show up as permission records and in the operation log. */
@SluiceServerTest
class PermissionRecordsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformFixture f;
    Sub member;
    String group;

    @BeforeEach
    void grantSomething() {
        f = PlatformFixture.create(port, admin);
        member = f.sub("member");
        group = f.call("CreateUserGroup", "CreateCommand", "{\"Name\":\"readers\"}").body().get("UserGroupId").asString();
        assertThat(f.call("AddUserGroupMember", "AddCommand", "{\"UserGroupId\":\"" + group + "\",\"UserIdList\":[\"" + member.id() + "\"]}")
                .status()).isEqualTo(200);
    }

    private JsonNode page(String action, Sub as, String tab) {
        String query = "{\"Page\":1,\"PageSize\":50,\"TabType\":\"" + tab + "\"}";
        Response response = as == null ? f.call(action, "ListQuery", query) : f.call(as.client(), action, "ListQuery", query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body().get("PageResult");
    }

    @Test
    void aGroupMembershipIsARecordUntilItIsRevoked() {
        JsonNode records = page("ListResourcePermissions", null, "USER_GROUP");
        JsonNode mine = records.get("Data").valueStream()
                .filter(r -> r.get("TargetAccount").get("Id").asString().equals(member.id())).findFirst().orElseThrow();
        assertThat(mine.get("TargetAccount").get("Type").asString()).isEqualTo("PERSONAL");
        assertThat(mine.get("TargetAccount").get("Name").asString()).isEqualTo("member");
        assertThat(mine.get("ResourceInfo").get("Type").asString()).isEqualTo("USER_GROUP");
        assertThat(mine.get("ResourceInfo").get("Id").asString()).isEqualTo(group);
        assertThat(mine.get("ResourceInfo").get("Name").asString()).isEqualTo("readers");
        assertThat(mine.get("PermissionPeriodList").get(0).get("PermissionType").asString()).isEqualTo("USER_GROUP_MEMBER");
        assertThat(mine.get("Period").get("Type").asString()).isEqualTo("LONG_TERM");

        f.call("RemoveUserGroupMember", "RemoveCommand", "{\"UserGroupId\":\"" + group + "\",\"UserIdList\":[\"" + member.id() + "\"]}");
        assertThat(page("ListResourcePermissions", null, "USER_GROUP").get("Data").valueStream()
                .noneMatch(r -> r.get("TargetAccount").get("Id").asString().equals(member.id()))).isTrue();

        JsonNode log = page("ListResourcePermissionOperationLog", null, "USER_GROUP");
        JsonNode newest = log.get("Data").get(0);
        assertThat(newest.get("OperateType").asString()).isEqualTo("REVOKE");
        assertThat(newest.get("TargetAccount").get("Id").asString()).isEqualTo(member.id());
        assertThat(newest.get("Account").get("Id").asString()).isEqualTo(f.ownerId());
        assertThat(newest.get("Account").get("Name").asString()).isEqualTo("owner");
        assertThat(newest.get("OperateTime").asLong()).isPositive();
        assertThat(log.get("TotalCount").asLong()).isGreaterThanOrEqualTo(3); // owner as admin, member granted, member revoked
    }

    @Test
    void roleGrantsAreRecordedOnTheTenantTab() {
        f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"UserId\":\"" + member.id() + "\",\"RoleList\":[\"SECURITY_ADMIN\"]}]}");
        JsonNode records = page("ListResourcePermissions", null, "TENANT");
        assertThat(records.get("Data").valueStream().anyMatch(r -> r.get("TargetAccount").get("Id").asString().equals(member.id())
                && r.get("PermissionPeriodList").valueStream().anyMatch(p -> p.get("PermissionType").asString().equals("SECURITY_ADMIN"))))
                .isTrue();
    }

    @Test
    void membersSeeOnlyTheirOwnRecordsAndOtherTenantsNone() {
        Sub other = f.sub("other");
        f.call("AddUserGroupMember", "AddCommand", "{\"UserGroupId\":\"" + group + "\",\"UserIdList\":[\"" + other.id() + "\"]}");
        JsonNode seen = page("ListResourcePermissions", member, "USER_GROUP");
        assertThat(seen.get("Data").valueStream().map(r -> r.get("TargetAccount").get("Id").asString()).distinct().toList())
                .containsExactly(member.id());
        assertThat(page("ListResourcePermissions", null, "USER_GROUP").get("TotalCount").asLong()).isEqualTo(3);

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreign = stranger.call("ListResourcePermissions", "ListQuery", "{\"Page\":1,\"PageSize\":50,\"TabType\":\"USER_GROUP\"}");
        assertThat(foreign.body().get("PageResult").get("TotalCount").asLong()).isZero();
        Response foreignLog = stranger.call("ListResourcePermissionOperationLog", "ListQuery", "{\"Page\":1,\"PageSize\":50,\"TabType\":\"USER_GROUP\"}");
        assertThat(foreignLog.body().get("PageResult").get("TotalCount").asLong()).isZero();
    }

    @Test
    void theTabAndPageAreChecked() {
        for (String action : new String[] {"ListResourcePermissions", "ListResourcePermissionOperationLog"}) {
            Response badTab = f.call(action, "ListQuery", "{\"Page\":1,\"PageSize\":10,\"TabType\":\"FILE\"}");
            assertThat(badTab.status()).isEqualTo(400);
            assertThat(badTab.code()).isEqualTo("InvalidParameter");
            assertThat(badTab.message()).contains("ListQuery.TabType");
            Response missing = f.call(action, "ListQuery", "{\"Page\":1,\"PageSize\":10}");
            assertThat(missing.code()).isEqualTo("MissingParameter");
            assertThat(missing.message()).contains("ListQuery.TabType");
        }
        JsonNode tables = page("ListResourcePermissions", null, "TABLE");
        assertThat(tables.get("TotalCount").asLong()).isZero();
    }

    @Test
    void theAlibabaClientReadsTheLog() {
        Map<String, Object> log = f.tea().call("ListResourcePermissionOperationLog", Map.of("OpTenantId", String.valueOf(f.tenant())),
                Map.of("ListQuery", "{\"Page\":1,\"PageSize\":10,\"TabType\":\"USER_GROUP\"}"));
        @SuppressWarnings("unchecked")
        Map<String, Object> page = (Map<String, Object>) log.get("PageResult");
        assertThat(((Number) page.get("TotalCount")).intValue()).isEqualTo(2);
    }
}
