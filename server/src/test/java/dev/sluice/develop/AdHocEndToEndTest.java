package dev.sluice.develop;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;
import dev.sluice.testsupport.TeaClient;
import tools.jackson.databind.JsonNode;

/**
 * Ad hoc runs end to end with nothing stood in: the server's own engines over saved compute and data sources on the
 * machine's PostgreSQL and MariaDB, the real permission gate, and the four operations through Alibaba Cloud's clients.
 */
@SluiceServerTest
@TestPropertySource(properties = {SourceDatabases.LOCAL_HOSTS_ALLOWED, "sluice.runner.stop-grace=2s"})
class AdHocEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    PlatformTenant t;
    String tag;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
        tag = "e2e17_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    // --- the script, on PostgreSQL and MariaDB compute sources, through both clients ---

    @Test
    void aScriptRunsOnPostgresThroughTeaOpenapiAndIsStoppedOnTheDatabase() throws Exception {
        Project project = project(compute("POSTGRE_SQL", SourceDatabases.postgresUrl()));
        TeaClient tea = new TeaClient(port, t.account.key().accessKeyId(), t.account.key().accessKeySecret());
        Map<String, Object> started = tea.call("ExecuteAdHocTask", tenantQuery(), Map.of("ExecuteCommand", command(project.id(), "SQL",
                script(tag))));
        String taskId = (String) ((Map<?, ?>) started.get("ExecuteResult")).get("TaskId");
        assertThat(((Number) ((Map<?, ?>) started.get("ExecuteResult")).get("SubTaskCount")).intValue()).isEqualTo(4);
        assertScriptRan(t.owner, project.id(), taskId);
        JsonNode rows = resultViaTea(tea, project.id(), taskId, 2);
        assertThat(rows.path("rows").toString()).isEqualTo("[[1,\"north\"],[2,\"south; east\"]]");

        String marker = tag + "_sleep";
        String longRun = run(t.owner, project.id(), "SQL", null, "select pg_sleep(600) as " + marker + "; select 2");
        await(Duration.ofSeconds(20), () -> count(SourceDatabases.postgresUrl(), "select count(*) from pg_stat_activity where state = 'active'"
                + " and query like '%" + marker + "%' and pid <> pg_backend_pid()") == 1);
        tea.call("StopAdHocTask", tenantQuery("ProjectId", project.id(), "TaskId", longRun), Map.of());
        await(Duration.ofSeconds(5), () -> count(SourceDatabases.postgresUrl(), "select count(*) from pg_stat_activity where state = 'active'"
                + " and query like '%" + marker + "%' and pid <> pg_backend_pid()") == 0);
        assertStopped(t.owner, project.id(), longRun);
    }

    @Test
    void aScriptRunsOnMariadbThroughTheCoreSdkAndIsStoppedOnTheDatabase() throws Exception {
        Project project = project(compute("MARIADB", SourceDatabases.mariadbUrl()));
        CoreClient core = new CoreClient(port, t.account.key().accessKeyId(), t.account.key().accessKeySecret());
        JsonNode started = RpcJson.MAPPER.readTree(core.call("ExecuteAdHocTask", tenantQuery(), Map.of("ExecuteCommand",
                command(project.id(), "SQL", script(tag)))).getData());
        String taskId = started.path("ExecuteResult").path("TaskId").asString();
        assertThat(started.path("ExecuteResult").path("SubTaskCount").asInt()).isEqualTo(4);
        assertScriptRan(t.owner, project.id(), taskId);
        JsonNode result = RpcJson.MAPPER.readTree(core.call("GetAdHocTaskResult", tenantQuery("ProjectId", project.id(), "TaskId", taskId,
                "SubTaskId", 2), Map.of()).getData());
        JsonNode rows = RpcJson.MAPPER.readTree(result.path("ExecuteResult").path("Result").asString());
        assertThat(rows.path("rows").toString()).isEqualTo("[[1,\"north\"],[2,\"south; east\"]]");

        String marker = tag + "_sleep";
        String longRun = run(t.owner, project.id(), "SQL", null, "select sleep(600) as " + marker + "; select 2");
        String active = "select count(*) from information_schema.processlist where info like '%" + marker + "%' and id <> connection_id()";
        await(Duration.ofSeconds(20), () -> count(SourceDatabases.mariadbUrl(), active) == 1);
        core.call("StopAdHocTask", tenantQuery("ProjectId", project.id(), "TaskId", longRun), Map.of());
        await(Duration.ofSeconds(5), () -> count(SourceDatabases.mariadbUrl(), active) == 0);
        assertStopped(t.owner, project.id(), longRun);
    }

    // --- permissions that bite ---

    @Test
    void aTableOfADataSourceNeedsAGrantAndRowRulesNarrowWhatIsRead() throws Exception {
        String table = tag + "_pay";
        exec(SourceDatabases.postgresUrl(), "create table " + table + " (id int, holder varchar(20))",
                "insert into " + table + " values (1, 'ann'), (2, 'bob'), (3, 'ann')");
        String source = tag + "_hr";
        long dataSource = dataSource(source, SourceDatabases.postgresUrl());
        String resource = source + ".public." + table;
        Project project = project(compute("POSTGRE_SQL", SourceDatabases.postgresUrl()));
        PlatformTenant.Member ann = t.member("ann");
        member(project, ann.id(), 3); // a visitor: runs SQL in the project, owns nothing
        String select = "select id from " + table + " order by id";

        Ended refused = finished(ann.client(), project.id(), run(ann.client(), project.id(), "DATABASE_SQL", dataSource, select), 1);
        assertThat(refused.states()).containsExactly("FAILED");
        assertThat(refused.logs().get(0)).contains("Forbidden.TablePermission", resource, "SELECT");

        Response granted = t.call("GrantResourcePermission").param("GrantCommand", json(Map.of("EffectiveEnd",
                String.valueOf(Instant.now().plus(Duration.ofHours(1)).toEpochMilli()), "OperateList", List.of("SELECT"),
                "ResourceList", List.of(Map.of("ResourceId", resource)), "ResourceType", "PHYSICAL_TABLE",
                "UserIdList", List.of(String.valueOf(ann.id()))))).send();
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);
        String allowed = run(ann.client(), project.id(), "DATABASE_SQL", dataSource, select);
        assertThat(finished(ann.client(), project.id(), allowed, 1).states()).containsExactly("SUCCESS");
        assertThat(ids(ann.client(), project.id(), allowed, 0)).containsExactly(1, 2, 3);

        // The grant names public.<table>: moving the search path first must not let the same names read elsewhere.
        Ended moved = finished(ann.client(), project.id(), run(ann.client(), project.id(), "DATABASE_SQL", dataSource,
                "set search_path = " + tag + "_elsewhere, public; " + select), 2);
        assertThat(moved.states()).containsExactly("FAILED", "CANCELLED");
        assertThat(moved.logs().get(0)).contains("Forbidden.UnanalysableStatement", "search_path");

        // Row rules: ann reads only her rows; the owner still sees all.
        Response rule = t.call("CreateRowPermission").param("CreateRowPermissionCommand", "{\"RowPermissionName\":\"" + tag + "\","
                + "\"MappingColumns\":[{\"ColumnName\":\"holder\",\"ColumnType\":\"STRING\"}],"
                + "\"Tables\":[{\"ResourceId\":\"" + resource + "\",\"ColumnName\":\"holder\",\"MappingColumnName\":\"holder\"}],"
                + "\"Rules\":[{\"RuleName\":\"own\",\"ScopeType\":\"SELECT_COLUMN\",\"Status\":1,\"Expressions\":[{\"Type\":\"RELATION\","
                + "\"MappingColumnName\":\"holder\",\"Operator\":\"IN\",\"Values\":[\"ann\"],\"SubConditions\":[]}],"
                + "\"UserMappingList\":[{\"AccountType\":\"PERSONAL\",\"Accounts\":[{\"AccountId\":\"" + ann.id() + "\"}]}]}]}").send();
        assertThat(rule.status()).as(rule.body().toString()).isEqualTo(200);
        String narrowed = run(ann.client(), project.id(), "DATABASE_SQL", dataSource, "select * from " + table + " order by id");
        assertThat(finished(ann.client(), project.id(), narrowed, 1).states()).containsExactly("SUCCESS");
        assertThat(ids(ann.client(), project.id(), narrowed, 0)).containsExactly(1, 3);
        String all = run(t.owner, project.id(), "DATABASE_SQL", dataSource, "select * from " + table + " order by id");
        assertThat(finished(t.owner, project.id(), all, 1).states()).containsExactly("SUCCESS");
        assertThat(ids(t.owner, project.id(), all, 0)).containsExactly(1, 2, 3);

        Response revoked = t.call("RevokeResourcePermission").param("RevokeCommand", json(Map.of("OperateList", List.of("SELECT"),
                "ResourceList", List.of(Map.of("ResourceId", resource)), "ResourceType", "PHYSICAL_TABLE",
                "UserId", String.valueOf(ann.id()), "Reason", "done"))).send();
        assertThat(revoked.status()).as(revoked.body().toString()).isEqualTo(200);
        Ended again = finished(ann.client(), project.id(), run(ann.client(), project.id(), "DATABASE_SQL", dataSource, select), 1);
        assertThat(again.states()).containsExactly("FAILED");
        assertThat(again.logs().get(0)).contains("Forbidden.TablePermission", resource);
        exec(SourceDatabases.postgresUrl(), "drop table " + table);
    }

    @Test
    void aPostgresRunLooksOnlyInTheSchemaTheGateChecked() throws Exception {
        // currentSchema lists two schemas; the gate resolves unqualified names to the first, so the run must look only there.
        String first = tag + "_a";
        String second = tag + "_b";
        exec(SourceDatabases.postgresUrl(), "create schema " + first, "create schema " + second,
                "create table " + second + ".pay (id int)", "insert into " + second + ".pay values (99)");
        String source = tag + "_two";
        long dataSource = dataSource(source, SourceDatabases.postgresUrl() + "&currentSchema=" + first + "," + second);
        Project project = project(compute("POSTGRE_SQL", SourceDatabases.postgresUrl()));
        PlatformTenant.Member ann = t.member("ann");
        member(project, ann.id(), 3);
        Response granted = t.call("GrantResourcePermission").param("GrantCommand", json(Map.of("EffectiveEnd",
                String.valueOf(Instant.now().plus(Duration.ofHours(1)).toEpochMilli()), "OperateList", List.of("SELECT"),
                "ResourceList", List.of(Map.of("ResourceId", source + "." + first + ".pay")), "ResourceType", "PHYSICAL_TABLE",
                "UserIdList", List.of(String.valueOf(ann.id()))))).send();
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);

        Ended read = finished(ann.client(), project.id(), run(ann.client(), project.id(), "DATABASE_SQL", dataSource, "select id from pay"), 1);
        assertThat(read.states()).as(read.logs().toString()).containsExactly("FAILED");
        assertThat(read.logs().get(0)).contains("pay").doesNotContain("Forbidden");
        exec(SourceDatabases.postgresUrl(), "drop schema " + first + " cascade", "drop schema " + second + " cascade");
    }

    @Test
    void aVisitorReadsButDoesNotWriteOnTheProjectsOwnComputeSource() throws Exception {
        String table = tag + "_notes";
        exec(SourceDatabases.postgresUrl(), "create table " + table + " (id int)", "insert into " + table + " values (7)");
        String source = tag + "_cs";
        Project project = project(compute(source, "POSTGRE_SQL", SourceDatabases.postgresUrl()));
        PlatformTenant.Member visitor = t.member("visitor");
        member(project, visitor.id(), 3);

        String read = run(visitor.client(), project.id(), "SQL", null, "select id from " + table);
        assertThat(finished(visitor.client(), project.id(), read, 1).states()).containsExactly("SUCCESS");
        assertThat(ids(visitor.client(), project.id(), read, 0)).containsExactly(7);
        Ended write = finished(visitor.client(), project.id(), run(visitor.client(), project.id(), "SQL", null,
                "insert into " + table + " values (8); select 1"), 2);
        assertThat(write.states()).containsExactly("FAILED", "CANCELLED");
        assertThat(write.logs().get(0)).contains("Forbidden.TablePermission", source + ".public." + table, "INSERT");
        assertThat(count(SourceDatabases.postgresUrl(), "select count(*) from " + table)).isEqualTo(1);
        exec(SourceDatabases.postgresUrl(), "drop table " + table);
    }

    // --- helpers ---

    static String script(String tag) {
        return "create table " + tag + "_sales (id int, region varchar(20));\n"
                + "insert into " + tag + "_sales values (1, 'north'), (2, 'south; east');\n"
                + "select id, region from " + tag + "_sales order by id;\n"
                + "drop table " + tag + "_sales";
    }

    /** Pages every statement's log from offset 0 along NextOffset until HasNext is false. */
    void assertScriptRan(RawClient client, long projectId, String taskId) {
        Ended ended = finished(client, projectId, taskId, 4);
        assertThat(ended.states()).containsExactly("SUCCESS", "SUCCESS", "SUCCESS", "SUCCESS");
        assertThat(ended.logs().get(1)).contains("2 rows affected");
        assertThat(ended.logs().get(2)).contains("2 rows returned");
    }

    void assertStopped(RawClient client, long projectId, String taskId) {
        Ended ended = finished(client, projectId, taskId, 2);
        assertThat(ended.states()).containsExactly("CANCELLED", "CANCELLED");
        assertThat(ended.logs().get(0)).contains("CANCELLED", "stopped by a user");
    }

    record Ended(List<String> states, List<String> logs) {
    }

    Ended finished(RawClient client, long projectId, String taskId, int subTasks) {
        List<String> states = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        for (int subTask = 0; subTask < subTasks; subTask++) {
            StringBuilder text = new StringBuilder();
            long offset = 0;
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            JsonNode page;
            do {
                Response r = t.as(client, "GetAdHocTaskLog").param("ProjectId", projectId).param("TaskId", taskId).param("SubTaskId", subTask)
                        .param("Offset", offset).send();
                assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
                page = r.body().path("LogInfo");
                text.append(page.path("Content").asString());
                offset = page.path("NextOffset").asLong();
                assertThat(offset).isEqualTo(text.length());
                assertThat(System.nanoTime()).as("statement %d ends", subTask).isLessThan(until);
                if (page.path("HasNext").asBoolean()) sleep(100);
            } while (page.path("HasNext").asBoolean());
            states.add(page.path("TaskStatus").asString());
            logs.add(text.toString());
        }
        return new Ended(states, logs);
    }

    List<Integer> ids(RawClient client, long projectId, String taskId, int subTask) {
        Response r = t.as(client, "GetAdHocTaskResult").param("ProjectId", projectId).param("TaskId", taskId).param("SubTaskId", subTask).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode rows = RpcJson.MAPPER.readTree(r.body().path("ExecuteResult").path("Result").asString()).path("rows");
        List<Integer> ids = new ArrayList<>();
        rows.forEach(row -> ids.add(row.get(0).asInt()));
        return ids;
    }

    JsonNode resultViaTea(TeaClient tea, long projectId, String taskId, int subTask) {
        Map<String, Object> body = tea.call("GetAdHocTaskResult", tenantQuery("ProjectId", projectId, "TaskId", taskId, "SubTaskId", subTask),
                Map.of());
        return RpcJson.MAPPER.readTree((String) ((Map<?, ?>) body.get("ExecuteResult")).get("Result"));
    }

    String run(RawClient client, long projectId, String operatorType, Long dataSourceId, String code) {
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", projectId, "OperatorType", operatorType, "Code", code));
        if (dataSourceId != null) command.put("DataSourceId", dataSourceId);
        Response r = t.as(client, "ExecuteAdHocTask").param("ExecuteCommand", json(command)).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("ExecuteResult").path("TaskId").asString();
    }

    static String command(long projectId, String operatorType, String code) {
        return json(Map.of("ProjectId", projectId, "OperatorType", operatorType, "Code", code));
    }

    Map<String, String> tenantQuery(Object... pairs) {
        Map<String, String> query = new HashMap<>(Map.of("OpTenantId", String.valueOf(t.tenantId())));
        for (int i = 0; i < pairs.length; i += 2) query.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        return query;
    }

    long compute(String type, String url) {
        return compute(tag + "_" + type.toLowerCase(), type, url);
    }

    long compute(String name, String type, String url) {
        Response r = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", name, "Type", type, "Description", "e2e17",
                "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", url))))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("Id").asLong();
    }

    long dataSource(String name, String url) {
        Response r = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", name,
                "Type", "POSTGRE_SQL", "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", url)))))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("ProdDataSourceId").asLong();
    }

    Project project(long computeSource) {
        return projects.create(new ProjectDraft(t.tenantId(), tag, null, null, ProjectMode.BASIC, null, null, null, t.ownerId(), null,
                computeSource, null, null));
    }

    void member(Project project, long userId, int role) {
        Response added = t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", String.valueOf(userId), "RoleList", List.of(role)))))).send();
        assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
    }

    static void exec(String url, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            for (String sql : statements) s.execute(sql);
        }
    }

    static int count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    static void await(Duration limit, BooleanSupplier condition) {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + limit);
            sleep(100);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
