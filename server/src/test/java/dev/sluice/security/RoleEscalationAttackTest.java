package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.Role;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Item 6 of issue 15: a system administrator tries to rise above its rank (remove, demote or take over a super
 * administrator, dismiss a fellow system administrator), and a plain member tries to read row-level permission names.
 */
@SluiceServerTest
class RoleEscalationAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Accounts accounts;

    PlatformFixture f;
    Sub sysAdmin;

    @BeforeEach
    void tenantWithASystemAdministrator() {
        f = PlatformFixture.create(port, admin);
        sysAdmin = f.sub("sysadmin");
        Response appointed = f.call("UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + sysAdmin.id() + "\",\"RoleList\":[\"SYSTEM_ADMIN\"]}]}");
        assertThat(appointed.status()).as(appointed.body().toString()).isEqualTo(200);
    }

    private Set<String> roles(long userId) {
        return Set.copyOf(accounts.roles(f.tenant(), userId).stream().map(Role::code).toList());
    }

    private static void assertForbidden(Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("Forbidden.NoPermission");
    }

    @Test
    void aSystemAdministratorCannotRemoveASuperAdministrator() {
        Sub second = f.sub("second-super");
        admin.setMemberRoles(f.tenant(), second.user().id(), Set.of("super_admin")); // as the operator appoints one

        Response removed = f.call(sysAdmin.client(), "RemoveTenantMember", "RemoveCommand",
                "{\"SourceId\":\"" + second.user().sourceId() + "\"}");

        assertForbidden(removed);
        assertThat(removed.message()).contains("super administrator");
        assertThat(roles(second.user().id())).contains("super_admin");
        Response bySuper = f.call("RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + second.user().sourceId() + "\"}");
        assertThat(bySuper.status()).as(bySuper.body().toString()).isEqualTo(200);
        assertThat(roles(second.user().id())).isEmpty();
    }

    @Test
    void aSystemAdministratorCannotDemoteOrRedirectASuperAdministrator() {
        f.call("UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + f.ownerId() + "\",\"RoleList\":[\"SECURITY_ADMIN\"]}]}");
        assertThat(roles(f.account.mainUser().id())).contains("super_admin", "security_admin");

        Response demoted = f.call(sysAdmin.client(), "UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + f.ownerId() + "\",\"RoleList\":[]}]}");
        assertForbidden(demoted);
        assertThat(demoted.message()).contains("UpdateCommand.MemberList[0].UserId");
        assertThat(roles(f.account.mainUser().id())).contains("super_admin", "security_admin");

        Response redirected = f.call(sysAdmin.client(), "UpdateTenantMember", "UpdateCommand",
                "{\"MemberList\":[{\"UserId\":\"" + f.ownerId() + "\",\"Mail\":\"attacker@example.com\"}]}");
        assertForbidden(redirected);
        assertThat(accounts.user(f.account.account().id(), f.account.mainUser().id()).orElseThrow().mail()).isNotEqualTo("attacker@example.com");
    }

    @Test
    void aSystemAdministratorCannotTakeOverASuperAdministratorsObjects() {
        Response taken = f.call(sysAdmin.client(), "TransferOwnershipForAllObject", "PrivilegeTransferRecord",
                "{\"OldOwner\":\"" + f.ownerId() + "\",\"NewOwner\":\"" + sysAdmin.id() + "\",\"TransferComment\":\"mine now\"}");
        assertForbidden(taken);
        assertThat(taken.message()).contains("super administrator");
    }

    @Test
    void aSystemAdministratorCannotDismissAnotherByRemovingIt() {
        Sub other = f.sub("other-sysadmin");
        f.call("UpdateTenantMember", "UpdateCommand", "{\"MemberList\":[{\"UserId\":\"" + other.id() + "\",\"RoleList\":[\"SYSTEM_ADMIN\"]}]}");

        Response removed = f.call(sysAdmin.client(), "RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + other.user().sourceId() + "\"}");

        assertForbidden(removed);
        assertThat(roles(other.user().id())).contains("system_admin");
        Response leaves = f.call(sysAdmin.client(), "RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + sysAdmin.user().sourceId() + "\"}");
        assertThat(leaves.status()).as(leaves.body().toString()).isEqualTo(200);
    }

    @Test
    void theLastSuperAdministratorCannotBeRemoved() {
        Sub only = f.sub("only-super");
        admin.setMemberRoles(f.tenant(), only.user().id(), Set.of("super_admin"));
        admin.setMemberRoles(f.tenant(), f.account.mainUser().id(), Set.of()); // the operator took the owner's

        Response removed = f.call(only.client(), "RemoveTenantMember", "RemoveCommand", "{\"SourceId\":\"" + only.user().sourceId() + "\"}");

        assertThat(removed.status()).as(removed.body().toString()).isEqualTo(400);
        assertThat(removed.message()).contains("RemoveCommand.SourceId", "last super administrator");
        assertThat(roles(only.user().id())).contains("super_admin");
    }

    @Test
    void rowPermissionNamesAreHiddenFromPlainMembers() {
        Sub plain = f.sub("plain");
        String table = "odps.1.hr.salaries";
        Response created = f.call("CreateRowPermission", "CreateRowPermissionCommand",
                "{\"RowPermissionName\":\"layoffs-2027\",\"RowPermissionDesc\":\"who is on the list\","
                        + "\"MappingColumns\":[{\"ColumnName\":\"dept\",\"ColumnType\":\"STRING\"}],"
                        + "\"Tables\":[{\"ResourceId\":\"" + table + "\",\"ColumnName\":\"dept\",\"MappingColumnName\":\"dept\"}],"
                        + "\"Rules\":[{\"RuleName\":\"r\",\"ScopeType\":\"SELECT_COLUMN\",\"Status\":1,\"Expressions\":[{\"Type\":\"RELATION\","
                        + "\"MappingColumnName\":\"dept\",\"Operator\":\"EQUAL\",\"Values\":[\"sales\"],\"SubConditions\":[]}],"
                        + "\"UserMappingList\":[{\"AccountType\":\"PERSONAL\",\"Accounts\":[{\"AccountId\":\"" + plain.id() + "\"}]}]}]}");
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        String id = created.body().get("Data").asString();

        Response byTable = f.call(plain.client(), "GetRowPermissionByTableGuids", "GetRowPermissionByTableGuidsQuery",
                "{\"TableGuids\":[\"" + table + "\"]}");
        assertForbidden(byTable);
        assertThat(byTable.body().toString()).doesNotContain("layoffs-2027");

        for (String action : new String[] {"ListResourcePermissions", "ListResourcePermissionOperationLog"}) {
            Response records = f.call(plain.client(), action, "ListQuery", "{\"Page\":1,\"PageSize\":10,\"TabType\":\"ROW_PERMISSION\"}");
            assertThat(records.status()).as(records.body().toString()).isEqualTo(200);
            JsonNode data = records.body().get("PageResult").get("Data");
            assertThat(data).as(action).isNotEmpty();
            assertThat(data.get(0).get("ResourceInfo").get("Id").asString()).isEqualTo(id);
            assertThat(records.body().toString()).as(action).doesNotContain("layoffs");
            Response searched = f.call(plain.client(), action, "ListQuery",
                    "{\"Page\":1,\"PageSize\":10,\"TabType\":\"ROW_PERMISSION\",\"SearchText\":\"layoffs\"}");
            assertThat(searched.body().get("PageResult").get("TotalCount").asLong()).as(action).isZero();
        }

        Response byManager = f.call("GetRowPermissionByTableGuids", "GetRowPermissionByTableGuidsQuery", "{\"TableGuids\":[\"" + table + "\"]}");
        assertThat(byManager.body().get("Data").get(0).get("RowPermissionName").asString()).isEqualTo("layoffs-2027");
        Response managerRecords = f.call("ListResourcePermissions", "ListQuery",
                "{\"Page\":1,\"PageSize\":10,\"TabType\":\"ROW_PERMISSION\",\"SearchText\":\"layoffs\"}");
        assertThat(managerRecords.body().get("PageResult").get("Data").get(0).get("ResourceInfo").get("Name").asString()).isEqualTo("layoffs-2027");
    }
}
