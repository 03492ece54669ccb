package dev.sluice.security;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * Item 10 of issue 15 (stored values): strings that are too long for what stores them, or carry control characters
 * (terminal escapes, NUL, line breaks in a name), are refused as InvalidParameter naming the nested field, and nothing
 * is stored. The limits come from the catalog, so every operation gets them.
 */
@SluiceServerTest
class StoredValueLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    JdbcClient jdbc;

    PlatformTenant t;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    private static void assertRefused(Response r, String path) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("InvalidParameter");
        assertThat(r.message()).contains("'" + path + "'");
    }

    private long count(String sql, Object... args) {
        return jdbc.sql(sql).params(args).query(Long.class).single();
    }

    @Test
    void controlCharactersInAGroupsNameOrDescriptionAreRefused() {
        Response escape = t.call("CreateUserGroup").param("CreateCommand", json(Map.of("Name", "ops\u001b[2J\u001b[1;1Hadmins"))).send();
        assertRefused(escape, "CreateCommand.Name");
        assertThat(escape.message()).contains("U+001B");
        assertRefused(t.call("CreateUserGroup").param("CreateCommand", json(Map.of("Name", "two\nlines"))).send(), "CreateCommand.Name");
        assertRefused(t.call("CreateUserGroup").param("CreateCommand", json(Map.of("Name", "ops", "Description", "nul\u0000byte"))).send(),
                "CreateCommand.Description");
        assertThat(count("select count(*) from user_group where tenant_id = ?", t.tenantId())).isZero();

        Response multiLine = t.call("CreateUserGroup").param("CreateCommand", json(Map.of("Name", "ops", "Description", "line one\nline two\tend"))).send();
        assertThat(multiLine.status()).as(multiLine.body().toString()).isEqualTo(200);
    }

    @Test
    void oversizedValuesAreRefusedBeforeTheDatabaseSeesThem() {
        Response name = t.call("AddTenantMembersBySourceUser").param("AddCommand",
                json(Map.of("SourceUserList", List.of(Map.of("SourceId", "dd-1", "DisplayName", "x".repeat(300)))))).send();
        assertRefused(name, "AddCommand.SourceUserList[0].DisplayName");
        assertThat(name.message()).contains("at most 128 characters");
        assertThat(count("select count(*) from app_user where account_id = ? and source_id = 'dd-1'", t.account.account().id())).isZero();

        Response type = t.call("CreateRowPermission").param("CreateRowPermissionCommand",
                "{\"RowPermissionName\":\"regions\",\"MappingColumns\":[{\"ColumnName\":\"region\",\"ColumnType\":\"" + "S".repeat(40) + "\"}],"
                        + "\"Tables\":[],\"Rules\":[]}").send();
        assertRefused(type, "CreateRowPermissionCommand.MappingColumns[0].ColumnType");
        assertThat(count("select count(*) from row_permission where tenant_id = ?", t.tenantId())).isZero();

        Response description = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "cs", "Type", "HADOOP",
                "Description", "d".repeat(1025), "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertRefused(description, "CreateCommand.Description");
        assertThat(count("select count(*) from compute_source where tenant_id = ?", t.tenantId())).isZero();
    }

    @Test
    void aMemberCannotBeGivenAMailAddressWithControlCharacters() {
        PlatformTenant.Member member = t.member("mailer");
        Response mail = t.call("UpdateTenantMember").param("UpdateCommand",
                json(Map.of("MemberList", List.of(Map.of("UserId", String.valueOf(member.id()), "Mail", "a\u0007b@example.com"))))).send();
        assertRefused(mail, "UpdateCommand.MemberList[0].Mail");
        assertThat(jdbc.sql("select mail from app_user where id = ?").params(member.id()).query(String.class).optional().orElse(null))
                .isNull();
    }
}
