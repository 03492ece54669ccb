package dev.sluice.permission;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopException;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunContext;
import dev.sluice.runner.StatementGate;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * The gate as the runner calls it, with grants, project roles and row-level rules made through the wire, and the SQL
 * it admits executed on DuckDB.
 */
@SluiceServerTest
class TablePermissionGateTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    StatementGate gate;

    PlatformTenant t;
    PlatformTenant.Member analyst;
    long lake;
    Engine engine;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
        analyst = t.member("analyst");
        lake = DataPermissionOperationsTest.computeSource(t, "lake");
        engine = new Engine(t.tenantId(), Engine.Kind.COMPUTE, lake, "lake", "DUCKDB", Engine.Dialect.DUCKDB, "main", false);
    }

    String admit(long userId, Long projectId, String sql) {
        return gate.admit(new RunContext(t.tenantId(), userId, projectId, "PROD", engine), sql);
    }

    PopException refused(long userId, Long projectId, String sql) {
        return (PopException) org.assertj.core.api.Assertions.catchThrowable(() -> admit(userId, projectId, sql));
    }

    void grant(long userId, String resource, String... operations) {
        Response r = t.call("GrantResourcePermission").param("GrantCommand", json(Map.of("EffectiveEnd",
                String.valueOf(Instant.now().plus(Duration.ofHours(1)).toEpochMilli()), "OperateList", List.of(operations),
                "ResourceList", List.of(Map.of("ResourceId", resource)), "ResourceType", "PHYSICAL_TABLE", "UserIdList",
                List.of(String.valueOf(userId))))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
    }

    @Test
    void tablesNeedGrantsAndTheRefusalNamesTableAndRight() {
        PopException noRead = refused(analyst.id(), null, "SELECT o.id FROM orders o JOIN main.items i ON i.oid = o.id");
        assertThat(noRead.error().code()).isEqualTo("Forbidden.TablePermission");
        assertThat(noRead.error().httpStatus()).isEqualTo(403);
        assertThat(noRead.error().message()).contains("lake.main.orders", "SELECT");

        grant(analyst.id(), "lake.main.orders", "SELECT");
        grant(analyst.id(), "lake.main.items", "SELECT");
        String query = "SELECT o.id FROM orders o JOIN main.items i ON i.oid = o.id";
        assertThat(admit(analyst.id(), null, query)).isEqualTo(query);
        assertThat(refused(analyst.id(), null, "INSERT INTO items SELECT * FROM orders").error().message()).contains("lake.main.items", "INSERT");
        assertThat(refused(analyst.id(), null, "DROP TABLE orders").error().message()).contains("lake.main.orders", "DROP");
        assertThat(refused(analyst.id(), null, "CREATE TABLE mine AS SELECT * FROM orders").error().message()).contains("lake.main.mine", "CREATE");
        assertThat(admit(analyst.id(), null, "SELECT 1")).isEqualTo("SELECT 1");

        PopException garbled = refused(analyst.id(), null, "SELEKT everything");
        assertThat(garbled.error().code()).isEqualTo("Forbidden.UnanalysableStatement");
        assertThat(garbled.error().message()).contains("could not be analysed", "lake");
        assertThat(refused(analyst.id(), null, "SELECT * FROM read_csv('/etc/passwd')").error().code())
                .isEqualTo("Forbidden.UnanalysableStatement");
        // The source's owner (here also super administrator) may run anything, even what cannot be analysed.
        assertThat(admit(t.ownerId(), null, "SELEKT everything")).isEqualTo("SELEKT everything");
        assertThat(admit(t.ownerId(), null, "DROP TABLE orders")).isEqualTo("DROP TABLE orders");
    }

    @Test
    void changingTheSearchPathSchemaDatabaseOrRoleIsForThoseWhoMayRunAnything() {
        grant(analyst.id(), "lake.main.orders", "SELECT");
        Map<Engine.Dialect, List<String>> moves = Map.of(
                Engine.Dialect.POSTGRESQL, List.of("SET search_path = hr", "SET LOCAL search_path = hr", "RESET search_path",
                        "SET ROLE hr_admin", "SET SESSION AUTHORIZATION bob", "SELECT set_config('search_path', 'hr', false)",
                        "SET search_path TO hr"),
                Engine.Dialect.MYSQL, List.of("USE hr"),
                Engine.Dialect.DUCKDB, List.of("SET schema 'hr'", "USE hr", "SET search_path = 'hr'"),
                Engine.Dialect.H2, List.of("SET SCHEMA HR", "SET SCHEMA_SEARCH_PATH HR"));
        moves.forEach((dialect, statements) -> {
            Engine on = new Engine(t.tenantId(), Engine.Kind.COMPUTE, lake, "lake", dialect.name(), dialect, "main", false);
            for (String sql : statements) {
                PopException refused = (PopException) org.assertj.core.api.Assertions.catchThrowable(
                        () -> gate.admit(new RunContext(t.tenantId(), analyst.id(), null, "PROD", on), sql));
                assertThat(refused).as(dialect + ": " + sql).isNotNull();
                assertThat(refused.error().code()).as(sql).isEqualTo("Forbidden.UnanalysableStatement");
                assertThat(refused.error().httpStatus()).isEqualTo(403);
                assertThat(refused.error().message()).as(sql).contains("lake");
                // The owner may do anything on the source, so resolution is theirs to change.
                assertThat(gate.admit(new RunContext(t.tenantId(), t.ownerId(), null, "PROD", on), sql)).isEqualTo(sql);
            }
        });
        assertThat(refused(analyst.id(), null, "SET search_path = hr").error().message()).contains("search_path", "schema");
        // Settings that do not move names still run for anyone, and so do reads the grant covers.
        assertThat(admit(analyst.id(), null, "SET threads = 2")).isEqualTo("SET threads = 2");
        assertThat(admit(analyst.id(), null, "SELECT * FROM orders")).isEqualTo("SELECT * FROM orders");
    }

    @Test
    void projectRolesDecideOnTheProjectsOwnComputeSource() {
        PlatformTenant.Member developer = t.member("developer");
        Project project = projects.create(new ProjectDraft(t.tenantId(), "p_gate", null, null, ProjectMode.BASIC, null, null, null,
                t.ownerId(), null, lake, null, null));
        member(project, developer.id(), 2);
        member(project, analyst.id(), 3);

        assertThat(admit(analyst.id(), project.id(), "SELECT * FROM orders")).isEqualTo("SELECT * FROM orders");
        assertThat(refused(analyst.id(), project.id(), "DELETE FROM orders").error().message()).contains("lake.main.orders", "DELETE");
        assertThat(admit(developer.id(), project.id(), "CREATE TABLE t2 AS SELECT * FROM orders")).startsWith("CREATE TABLE");
        assertThat(admit(developer.id(), project.id(), "SELEKT what")).isEqualTo("SELEKT what");
        // Outside the project's run, its roles give nothing.
        assertThat(refused(developer.id(), null, "SELECT * FROM orders").error().code()).isEqualTo("Forbidden.TablePermission");
    }

    @Test
    void rowRulesFilterTheBoundReadersRowsAndRefuseTheirWrites() throws Exception {
        String rule = "{\"RuleName\":\"north\",\"ScopeType\":\"SELECT_COLUMN\",\"Status\":1,\"Expressions\":[{\"Type\":\"RELATION\","
                + "\"MappingColumnName\":\"region\",\"Operator\":\"IN\",\"Values\":[\"north\",\"o'hara\"],\"SubConditions\":[]}],"
                + "\"UserMappingList\":[{\"AccountType\":\"PERSONAL\",\"Accounts\":[{\"AccountId\":\"" + analyst.id() + "\"}]}]}";
        Response created = t.call("CreateRowPermission").param("CreateRowPermissionCommand", "{\"RowPermissionName\":\"regions\","
                + "\"MappingColumns\":[{\"ColumnName\":\"region\",\"ColumnType\":\"STRING\"}],"
                + "\"Tables\":[{\"ResourceId\":\"lake.main.perm_orders\",\"ColumnName\":\"sales_region\",\"MappingColumnName\":\"region\"}],"
                + "\"Rules\":[" + rule + "]}").send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        grant(analyst.id(), "lake.main.perm_orders", "SELECT", "DELETE");

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            exec(duck, "CREATE TABLE perm_orders (id INT, sales_region VARCHAR)");
            exec(duck, "INSERT INTO perm_orders VALUES (1, 'north'), (2, 'south'), (3, 'o''hara')");
            String query = "SELECT p.id FROM perm_orders p WHERE p.id > 0 ORDER BY p.id";
            String restricted = admit(analyst.id(), null, query);
            assertThat(restricted).isNotEqualTo(query).contains("sales_region");
            assertThat(ids(duck, restricted)).containsExactly("1", "3");
            assertThat(ids(duck, admit(t.ownerId(), null, query))).containsExactly("1", "2", "3");
        }
        PopException write = refused(analyst.id(), null, "DELETE FROM perm_orders WHERE id = 2");
        assertThat(write.error().code()).isEqualTo("Forbidden.TablePermission");
        assertThat(write.error().message()).contains("Row-level rules", "lake.main.perm_orders", "DELETE");
        assertThatThrownBy(() -> admit(analyst.id(), null, "INSERT INTO perm_orders SELECT * FROM perm_orders")).isInstanceOf(PopException.class);
    }

    @Test
    void rowRulesKeepEvenADeveloperToStatementsTheGateCanFollow() {
        PlatformTenant.Member developer = t.member("ruled_dev");
        Project project = projects.create(new ProjectDraft(t.tenantId(), "p_ruled", null, null, ProjectMode.BASIC, null, null, null,
                t.ownerId(), null, lake, null, null));
        member(project, developer.id(), 2);
        // Before any rule, a developer may do anything on the project's compute source, resolution changes included.
        assertThat(admit(developer.id(), project.id(), "SET schema 'hr'")).isEqualTo("SET schema 'hr'");

        String rule = "{\"RuleName\":\"mine\",\"ScopeType\":\"SELECT_COLUMN\",\"Status\":1,\"Expressions\":[{\"Type\":\"RELATION\","
                + "\"MappingColumnName\":\"owner\",\"Operator\":\"IN\",\"Values\":[\"dev\"],\"SubConditions\":[]}],"
                + "\"UserMappingList\":[{\"AccountType\":\"PERSONAL\",\"Accounts\":[{\"AccountId\":\"" + developer.id() + "\"}]}]}";
        Response created = t.call("CreateRowPermission").param("CreateRowPermissionCommand", "{\"RowPermissionName\":\"ruled\","
                + "\"MappingColumns\":[{\"ColumnName\":\"owner\",\"ColumnType\":\"STRING\"}],"
                + "\"Tables\":[{\"ResourceId\":\"lake.hr.pay\",\"ColumnName\":\"owner\",\"MappingColumnName\":\"owner\"}],"
                + "\"Rules\":[" + rule + "]}").send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);

        for (String escapes : List.of("SET schema 'hr'", "USE hr", "SELEKT * FROM pay", "SELECT * FROM read_csv('x')")) {
            PopException refused = refused(developer.id(), project.id(), escapes);
            assertThat(refused).as(escapes).isNotNull();
            assertThat(refused.error().code()).isEqualTo("Forbidden.UnanalysableStatement");
            assertThat(refused.error().message()).contains("Row-level rules", "lake");
        }
        assertThat(admit(developer.id(), project.id(), "SELECT * FROM hr.pay")).contains("owner", "'dev'");
        assertThat(admit(developer.id(), project.id(), "CREATE TABLE scratch (id INT)")).startsWith("CREATE TABLE");
        // The owner is bound by no rule: still free.
        assertThat(admit(t.ownerId(), project.id(), "SET schema 'hr'")).isEqualTo("SET schema 'hr'");
    }

    void member(Project project, long userId, int role) {
        assertThat(t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", String.valueOf(userId), "RoleList", List.of(role)))))).send().status()).isEqualTo(200);
    }

    static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return ids;
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
