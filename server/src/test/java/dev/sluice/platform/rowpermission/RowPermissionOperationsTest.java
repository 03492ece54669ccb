package dev.sluice.platform.rowpermission;

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

/** Row-level permissions: definitions, rules bound to users and groups, and who may see or change them. */
@SluiceServerTest
class RowPermissionOperationsTest {

    static final String TABLE = "odps.300199897.sales.orders";

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformFixture f;
    Sub analyst;
    String group;

    @BeforeEach
    void newAccount() {
        f = PlatformFixture.create(port, admin);
        analyst = f.sub("analyst");
        group = f.call("CreateUserGroup", "CreateCommand", "{\"Name\":\"east-team\"}").body().get("UserGroupId").asString();
    }

    private String command(String name, String rules) {
        return "{\"RowPermissionName\":\"" + name + "\",\"RowPermissionDesc\":\"by region\","
                + "\"MappingColumns\":[{\"ColumnName\":\"region\",\"ColumnType\":\"STRING\"},{\"ColumnName\":\"amount\",\"ColumnType\":\"BIGINT\"}],"
                + "\"Tables\":[{\"ResourceId\":\"" + TABLE + "\",\"ColumnName\":\"sales_region\",\"MappingColumnName\":\"region\"}],"
                + "\"Rules\":[" + rules + "]}";
    }

    private String rule(String name, String expression, String accountType, String accountId) {
        return "{\"RuleName\":\"" + name + "\",\"ScopeType\":\"SELECT_COLUMN\",\"Status\":1,\"Expressions\":[" + expression + "],"
                + "\"UserMappingList\":[{\"AccountType\":\"" + accountType + "\",\"Accounts\":[{\"AccountId\":\"" + accountId + "\"}]}]}";
    }

    private static String equal(String column, String value) {
        return "{\"Type\":\"RELATION\",\"MappingColumnName\":\"" + column + "\",\"Operator\":\"EQUAL\",\"Values\":[\"" + value + "\"],\"SubConditions\":[]}";
    }

    private long create(String name) {
        Response created = f.call("CreateRowPermission", "CreateRowPermissionCommand", command(name,
                rule("east", equal("region", "east"), "PERSONAL", analyst.id()) + ","
                        + rule("big", equal("amount", "1000"), "USER_GROUP", group)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().get("Data").asLong();
    }

    private JsonNode listed() {
        return f.call("ListRowPermission", "PageRowPermissionQuery", "{\"PageNum\":1,\"PageSize\":10}").body().get("PageResult");
    }

    @Test
    void aCreatedPermissionListsInFullAndByTable() {
        long id = create("regions");
        JsonNode page = listed();
        assertThat(page.get("TotalCount").asLong()).isEqualTo(1);
        JsonNode p = page.get("Data").get(0);
        assertThat(p.get("RowPermissionId").asLong()).isEqualTo(id);
        assertThat(p.get("RowPermissionName").asString()).isEqualTo("regions");
        assertThat(p.get("TenantId").asLong()).isEqualTo(f.tenant());
        assertThat(p.get("Creator").asString()).isEqualTo(f.ownerId());
        assertThat(p.get("GmtCreate").asString()).endsWith("Z");
        assertThat(p.get("MappingColumns")).hasSize(2);
        assertThat(p.get("Tables").get(0).get("ResourceId").asString()).isEqualTo(TABLE);
        assertThat(p.get("Rules")).hasSize(2);
        JsonNode east = p.get("Rules").get(0);
        assertThat(east.get("RuleName").asString()).isEqualTo("east");
        assertThat(east.get("Expressions").get(0).get("Operator").asString()).isEqualTo("EQUAL");
        assertThat(east.get("UserMappingList").get(0).get("Accounts").get(0).get("AccountId").asString()).isEqualTo(analyst.id());

        Response byTable = f.call("GetRowPermissionByTableGuids", "GetRowPermissionByTableGuidsQuery",
                "{\"TableGuids\":[\"" + TABLE + "\",\"odps.1.other.t\"]}");
        assertThat(byTable.status()).isEqualTo(200);
        // The answer names the permissions, which only those who manage them may see (issue 15, item 6).
        Response notForMembers = f.call(analyst.client(), "GetRowPermissionByTableGuids", "GetRowPermissionByTableGuidsQuery",
                "{\"TableGuids\":[\"" + TABLE + "\"]}");
        assertThat(notForMembers.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(byTable.body().get("Data").get(0).get("RowPermissionId").asString()).isEqualTo(String.valueOf(id));
        Response missing = f.call("GetRowPermissionByTableGuids", "GetRowPermissionByTableGuidsQuery", "{}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("GetRowPermissionByTableGuidsQuery.TableGuids");
    }

    @Test
    void accountsOfRulesCarryNamesAndUsersSeeTheRulesThatBindThem() {
        long id = create("regions");
        Response accounts = f.call("GetAccountByRowPermissionId", "GetAccountByRowPermissionIdQuery", "{\"RowPermissionId\":" + id + "}");
        assertThat(accounts.status()).isEqualTo(200);
        JsonNode rules = accounts.body().get("Data");
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).get("UserMappingList").get(0).get("Accounts").get(0).get("AccountName").asString()).isEqualTo("analyst");
        assertThat(rules.get(1).get("UserMappingList").get(0).get("AccountType").asString()).isEqualTo("USER_GROUP");
        assertThat(rules.get(1).get("UserMappingList").get(0).get("Accounts").get(0).get("AccountName").asString()).isEqualTo("east-team");
        Response badRule = f.call("GetAccountByRowPermissionId", "GetAccountByRowPermissionIdQuery", "{\"RowPermissionId\":" + id + ",\"RuleIds\":[1]}");
        assertThat(badRule.status()).isEqualTo(400);
        assertThat(badRule.message()).contains("GetAccountByRowPermissionIdQuery.RuleIds[0]");

        Response own = f.call(analyst.client(), "ListRowPermissionByUserId", "ListRowPermissionByUserIdQuery",
                "{\"Operator\":\"" + analyst.id() + "\",\"PageNum\":1,\"PageSize\":10}");
        assertThat(own.status()).isEqualTo(200);
        JsonNode mine = own.body().get("PageResult");
        assertThat(mine.get("TotalCount").asLong()).isEqualTo(1);
        assertThat(mine.get("Data").get(0).get("Rules")).hasSize(1);
        assertThat(mine.get("Data").get(0).get("Rules").get(0).get("RuleName").asString()).isEqualTo("east");

        f.call("AddUserGroupMember", "AddCommand", "{\"UserGroupId\":\"" + group + "\",\"UserIdList\":[\"" + analyst.id() + "\"]}");
        JsonNode viaGroup = f.call("ListRowPermissionByUserId", "ListRowPermissionByUserIdQuery",
                "{\"Operator\":\"" + analyst.id() + "\",\"PageNum\":1,\"PageSize\":10}").body().get("PageResult");
        assertThat(viaGroup.get("Data").get(0).get("Rules")).hasSize(2);

        Response others = f.call(analyst.client(), "ListRowPermissionByUserId", "ListRowPermissionByUserIdQuery",
                "{\"Operator\":\"" + f.ownerId() + "\",\"PageNum\":1,\"PageSize\":10}");
        assertThat(others.status()).isEqualTo(403);
        assertThat(others.code()).isEqualTo("Forbidden.NoPermission");
    }

    @Test
    void updateReplacesRulesKeepingIdsByNameAndDeleteRemovesEverything() {
        long id = create("regions");
        long eastId = listed().get("Data").get(0).get("Rules").get(0).get("Id").asLong();
        Response updated = f.call("UpdateRowPermission", "UpdateRowPermissionCommand", command("regions-2",
                rule("east", equal("region", "west"), "PERSONAL", analyst.id()) + ","
                        + "{\"RuleName\":\"big\",\"ScopeType\":\"SELECT_COLUMN\",\"IsDelete\":true,\"Expressions\":[]}")
                .replace("{\"RowPermissionName\"", "{\"RowPermissionId\":" + id + ",\"RowPermissionName\""));
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        JsonNode p = listed().get("Data").get(0);
        assertThat(p.get("RowPermissionName").asString()).isEqualTo("regions-2");
        assertThat(p.get("Rules")).hasSize(1);
        assertThat(p.get("Rules").get(0).get("Id").asLong()).isEqualTo(eastId);
        assertThat(p.get("Rules").get(0).get("Expressions").get(0).get("Values").get(0).asString()).isEqualTo("west");

        Response deleted = f.call("DeleteRowPermission", "DeleteRowPermissionCommand", "{\"RowPermissionId\":" + id + "}");
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(listed().get("TotalCount").asLong()).isZero();
        Response gone = f.call("DeleteRowPermission", "DeleteRowPermissionCommand", "{\"RowPermissionId\":" + id + "}");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("EntityNotExist");
    }

    @Test
    void invalidFiltersAreRefusedWhenSavedNamingTheField() {
        Response notNumber = f.call("CreateRowPermission", "CreateRowPermissionCommand",
                command("bad", rule("r", equal("amount", "lots"), "PERSONAL", analyst.id())));
        assertThat(notNumber.status()).isEqualTo(400);
        assertThat(notNumber.code()).isEqualTo("InvalidParameter");
        assertThat(notNumber.message()).contains("CreateRowPermissionCommand.Rules[0].Expressions[0].Values[0]");
        Response unparsable = f.call("CreateRowPermission", "CreateRowPermissionCommand", command("bad",
                rule("r", "{\"Type\":\"RELATION\",\"MappingColumnName\":\"region\",\"Operator\":\"CUSTOM\",\"Values\":[\"region = = 'x'\"],\"SubConditions\":[]}",
                        "PERSONAL", analyst.id())));
        assertThat(unparsable.status()).isEqualTo(400);
        assertThat(unparsable.message()).contains("not a valid filter condition");
        Response missing = f.call("CreateRowPermission", "CreateRowPermissionCommand", "{\"RowPermissionName\":\"x\"}");
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("CreateRowPermissionCommand.MappingColumns");
        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreignUser = f.call("CreateRowPermission", "CreateRowPermissionCommand",
                command("bad", rule("r", equal("region", "x"), "PERSONAL", stranger.ownerId())));
        assertThat(foreignUser.message()).contains("Rules[0].UserMappingList[0].Accounts[0].AccountId");
        assertThat(listed().get("TotalCount").asLong()).isZero();
    }

    @Test
    void onlySecurityOrTenantAdministratorsManageRulesAndOtherTenantsCannotReachThem() {
        long id = create("regions");
        Response refused = f.call(analyst.client(), "CreateRowPermission", "CreateRowPermissionCommand",
                command("mine", rule("r", equal("region", "x"), "PERSONAL", analyst.id())));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(f.call(analyst.client(), "ListRowPermission", "PageRowPermissionQuery", "{\"PageNum\":1,\"PageSize\":10}").code())
                .isEqualTo("Forbidden.NoPermission");

        f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"UserId\":\"" + analyst.id() + "\",\"RoleList\":[\"SECURITY_ADMIN\"]}]}");
        assertThat(f.call(analyst.client(), "ListRowPermission", "PageRowPermissionQuery", "{\"PageNum\":1,\"PageSize\":10}").status())
                .isEqualTo(200);

        PlatformFixture stranger = PlatformFixture.create(port, admin);
        Response foreign = stranger.call("GetAccountByRowPermissionId", "GetAccountByRowPermissionIdQuery", "{\"RowPermissionId\":" + id + "}");
        assertThat(foreign.status()).isEqualTo(404);
        Response foreignDelete = stranger.call("DeleteRowPermission", "DeleteRowPermissionCommand", "{\"RowPermissionId\":" + id + "}");
        assertThat(foreignDelete.status()).isEqualTo(404);
        assertThat(stranger.call("GetRowPermissionByTableGuids", "GetRowPermissionByTableGuidsQuery",
                "{\"TableGuids\":[\"" + TABLE + "\"]}").body().get("Data")).isEmpty();
        Response badPage = f.call("ListRowPermission", "PageRowPermissionQuery", "{\"PageNum\":0,\"PageSize\":10}");
        assertThat(badPage.message()).contains("PageRowPermissionQuery.PageNum");
    }

    @Test
    void grantsAreRecordedAndTheAlibabaClientCreatesOne() {
        Map<String, String> query = Map.of("OpTenantId", String.valueOf(f.tenant()));
        Map<String, Object> created = f.tea().call("CreateRowPermission", query, Map.of("CreateRowPermissionCommand",
                command("tea", rule("east", equal("region", "east"), "PERSONAL", analyst.id()))));
        assertThat(((Number) created.get("Data")).longValue()).isPositive();
        JsonNode records = f.call("ListResourcePermissions", "ListQuery", "{\"Page\":1,\"PageSize\":10,\"TabType\":\"ROW_PERMISSION\"}")
                .body().get("PageResult");
        assertThat(records.get("TotalCount").asLong()).isEqualTo(1);
        assertThat(records.get("Data").get(0).get("TargetAccount").get("Id").asString()).isEqualTo(analyst.id());
        assertThat(records.get("Data").get(0).get("PermissionPeriodList").get(0).get("PermissionType").asString()).isEqualTo("east");
    }
}
