package dev.sluice.develop.adhoc;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.aliyun.tea.TeaException;
import com.aliyuncs.CommonResponse;

import dev.sluice.account.AccountAdmin;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.PlatformFixture;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SourceDatabases;
import dev.sluice.testsupport.TeaClient;
import tools.jackson.databind.JsonNode;

/** The four ad hoc operations on the wire, through Alibaba Cloud's own clients and the raw one. */
@RunnerServerTest
class AdHocTaskOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    RunnerTestEngines.Registry engines;

    PlatformFixture f;
    Project project;

    @BeforeEach
    void projectOnDuckdb() {
        f = PlatformFixture.create(port, admin);
        project = project(f, "adhoc_" + UUID.randomUUID().toString().substring(0, 8));
        engines.compute(project.id(), new Target(Engine.Dialect.DUCKDB, "DUCKDB", "jdbc:duckdb:"));
    }

    Project project(PlatformFixture fixture, String name) {
        return projects.create(new ProjectDraft(fixture.tenant(), name, name, null, ProjectMode.BASIC, null, null, null,
                fixture.account.mainUser().id(), null, null, null, null));
    }

    static String command(long projectId, String operatorType, String code, Object... more) {
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", projectId, "OperatorType", operatorType, "Code", code));
        for (int i = 0; i < more.length; i += 2) command.put((String) more[i], more[i + 1]);
        return json(command);
    }

    Map<String, String> query(Object... pairs) {
        Map<String, String> query = new HashMap<>(Map.of("OpTenantId", String.valueOf(f.tenant())));
        for (int i = 0; i < pairs.length; i += 2) query.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        return query;
    }

    String execute(String command) {
        Response started = f.call("ExecuteAdHocTask", "ExecuteCommand", command);
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        return started.body().path("ExecuteResult").path("TaskId").asString();
    }

    JsonNode logInfo(String taskId, int subTask, long offset) {
        Response log = f.call("GetAdHocTaskLog", "ProjectId", project.id(), "TaskId", taskId, "SubTaskId", subTask, "Offset", offset);
        assertThat(log.status()).as(log.body().toString()).isEqualTo(200);
        return log.body().path("LogInfo");
    }

    static void await(Duration limit, BooleanSupplier condition) {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + limit);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aThreeStatementScriptRunsAndEachSubtaskShowsItsLogAndResult() throws Exception {
        TeaClient tea = f.tea();
        Map<String, Object> started = tea.call("ExecuteAdHocTask", query(), Map.of("ExecuteCommand", command(project.id(), "SQL",
                "create table r2_sales (id integer, region varchar);\n"
                        + "insert into r2_sales values (1, 'east;west'), (2, '${region}');\n"
                        + "select id, region, '${bizdate}' as day from r2_sales order by id;",
                "ParamList", List.of(Map.of("Key", "region", "Value", "north")))));
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) started.get("ExecuteResult");
        assertThat(((Number) result.get("SubTaskCount")).intValue()).isEqualTo(3);
        String taskId = (String) result.get("TaskId");
        assertThat(taskId).startsWith("SQL_" + f.ownerId() + "_");

        for (int subTask = 0; subTask < 3; subTask++) {
            StringBuilder log = new StringBuilder();
            long offset = 0;
            JsonNode page;
            long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            do {
                page = logInfo(taskId, subTask, offset);
                log.append(page.path("Content").asString());
                assertThat(page.path("NextOffset").asLong()).isEqualTo(offset + page.path("Content").asString().length());
                offset = page.path("NextOffset").asLong();
                assertThat(System.nanoTime()).isLessThan(until);
            } while (page.path("HasNext").asBoolean());
            assertThat(page.path("TaskStatus").asString()).isEqualTo("SUCCESS");
            assertThat(page.path("TaskId").asString()).isEqualTo(taskId);
            assertThat(page.path("SubTaskId").asInt()).isEqualTo(subTask);
            assertThat(page.path("HasResult").asBoolean()).isEqualTo(subTask == 2);
            assertThat(log.toString()).contains("statement " + (subTask + 1) + " of 3", "SUCCESS in");
        }

        CommonResponse read = new CoreClient(port, f.account.key().accessKeyId(), f.account.key().accessKeySecret())
                .call("GetAdHocTaskResult", query("ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 2), Map.of());
        JsonNode body = RpcJson.MAPPER.readTree(read.getData());
        assertThat(body.path("ExecuteResult").path("TaskId").asString()).isEqualTo(taskId);
        JsonNode rows = RpcJson.MAPPER.readTree(body.path("ExecuteResult").path("Result").asString());
        assertThat(rows.path("columns").findValuesAsString("name")).containsExactly("id", "region", "day");
        assertThat(rows.path("rows").get(0).get(1).asString()).isEqualTo("east;west");
        assertThat(rows.path("rows").get(1).get(1).asString()).isEqualTo("north");
        assertThat(rows.path("rows").get(1).get(2).asString()).matches("\\d{8}");
        assertThat(rows.path("truncated").asBoolean()).isFalse();

        Response noResult = f.call("GetAdHocTaskResult", "ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 1);
        assertThat(noResult.status()).isEqualTo(200);
        assertThat(noResult.body().path("ExecuteResult").has("Result")).isFalse();
        Response beyond = f.call("GetAdHocTaskResult", "ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 3);
        assertThat(beyond.code()).isEqualTo("InvalidParameter");
        assertThat(beyond.message()).contains("SubTaskId");
    }

    @Test
    void eachRequiredParameterIsNamedWhenMissing() {
        assertThat(f.call("ExecuteAdHocTask").message()).contains("ExecuteCommand");
        for (String field : List.of("Code", "OperatorType", "ProjectId")) {
            Map<String, Object> command = new HashMap<>(Map.of("ProjectId", project.id(), "OperatorType", "SQL", "Code", "select 1"));
            command.remove(field);
            Response refused = f.call("ExecuteAdHocTask", "ExecuteCommand", json(command));
            assertThat(refused.code()).as(field).isEqualTo("MissingParameter");
            assertThat(refused.message()).contains("ExecuteCommand." + field);
        }
        Response noKey = f.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "SQL", "select '${a}'",
                "ParamList", List.of(Map.of("Value", "x"))));
        assertThat(noKey.code()).isEqualTo("MissingParameter");
        assertThat(noKey.message()).contains("ExecuteCommand.ParamList[0].Key");
        Response unresolved = f.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "SQL", "select '${a}'"));
        assertThat(unresolved.code()).isEqualTo("InvalidParameter");
        assertThat(unresolved.message()).contains("ExecuteCommand.ParamList", "${a}");

        String taskId = execute(command(project.id(), "SQL", "select 1"));
        Map<String, Object> log = Map.of("ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 0, "Offset", 0);
        for (String missing : log.keySet()) {
            List<Object> params = new java.util.ArrayList<>();
            log.forEach((k, v) -> {
                if (!k.equals(missing)) {
                    params.add(k);
                    params.add(v);
                }
            });
            Response refused = f.call("GetAdHocTaskLog", params.toArray());
            assertThat(refused.code()).as(missing).isEqualTo("MissingParameter");
            assertThat(refused.message()).contains(missing);
        }
        assertThat(f.call("GetAdHocTaskResult", "ProjectId", project.id(), "SubTaskId", 0).message()).contains("TaskId");
        assertThat(f.call("StopAdHocTask", "ProjectId", project.id()).message()).contains("TaskId");
        assertThat(f.call("StopAdHocTask", "TaskId", taskId).message()).contains("ProjectId");
        assertThat(f.call("GetAdHocTaskLog", "ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 0, "Offset", -1).code())
                .isEqualTo("InvalidParameter");
    }

    @Test
    void operatorTypesSluiceCannotRunAreRefusedListingTheOnesItCan() {
        Response refused = f.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "MaxCompute_SQL", "select 1"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("InvalidParameter");
        assertThat(refused.message()).contains("ExecuteCommand.OperatorType", "SQL", "DATABASE_SQL", "HOLOGRES_SQL");

        Response noSource = f.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "DATABASE_SQL", "select 1"));
        assertThat(noSource.code()).isEqualTo("MissingParameter");
        assertThat(noSource.message()).contains("ExecuteCommand.DataSourceId");

        Response wrongEngine = f.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "HOLOGRES_SQL", "select 1"));
        assertThat(wrongEngine.code()).isEqualTo("InvalidParameter");
        assertThat(wrongEngine.message()).contains("HOLOGRES", "DUCKDB");

        Response tooMany = f.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "sql", "select 1;".repeat(101)));
        assertThat(tooMany.code()).isEqualTo("InvalidParameter");
        assertThat(tooMany.message()).contains("ExecuteCommand.Code", "at most 100");
    }

    @Test
    void databaseSqlRunsOnTheDataSource() {
        long dataSourceId = project.id() + 1_000_000_000L;
        engines.dataSource(dataSourceId, new Target(Engine.Dialect.MYSQL, "MARIADB", SourceDatabases.mariadbUrl()));
        String taskId = execute(command(project.id(), "DATABASE_SQL", "select version() like '%MariaDB%' as maria", "DataSourceId", dataSourceId));
        assertThat(taskId).startsWith("DATABASE_SQL_");
        await(Duration.ofSeconds(30), () -> !logInfo(taskId, 0, 0).path("HasNext").asBoolean());
        String result = f.call("GetAdHocTaskResult", "ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 0)
                .body().path("ExecuteResult").path("Result").asString();
        assertThat(RpcJson.MAPPER.readTree(result).path("rows").get(0).get(0).asInt()).isEqualTo(1);
    }

    @Test
    void anotherTenantsTaskAnswersLikeAnUnknownOne() {
        String taskId = execute(command(project.id(), "SQL", "select 1"));
        PlatformFixture other = PlatformFixture.create(port, admin);
        Project own = project(other, "adhoc_other_" + UUID.randomUUID().toString().substring(0, 8));

        Response unknown = other.call("GetAdHocTaskLog", "ProjectId", own.id(), "TaskId", "SQL_1_1", "SubTaskId", 0, "Offset", 0);
        Response foreign = other.call("GetAdHocTaskLog", "ProjectId", own.id(), "TaskId", taskId, "SubTaskId", 0, "Offset", 0);
        assertThat(foreign.status()).isEqualTo(unknown.status()).isEqualTo(404);
        assertThat(foreign.code()).isEqualTo(unknown.code()).isEqualTo("EntityNotExist");
        assertThat(foreign.message().replace(taskId, "X")).isEqualTo(unknown.message().replace("SQL_1_1", "X"));
        Response foreignProject = other.call("GetAdHocTaskResult", "ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 0);
        assertThat(foreignProject.code()).isEqualTo("EntityNotExist");
        assertThat(other.call("StopAdHocTask", "ProjectId", own.id(), "TaskId", taskId).code()).isEqualTo("EntityNotExist");
        assertThat(other.call("ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "SQL", "select 1")).code())
                .isEqualTo("EntityNotExist");
    }

    @Test
    void membersRunAndOnlyTheStarterOrAdministratorsReadTheirRuns() {
        PlatformFixture.Sub outsider = f.sub("outsider");
        Response notMember = f.call(outsider.client(), "ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "SQL", "select 1"));
        assertThat(notMember.status()).isEqualTo(403);
        assertThat(notMember.code()).isEqualTo("Forbidden.NoPermission");

        PlatformFixture.Sub visitor = f.sub("visitor");
        PlatformFixture.Sub developer = f.sub("developer");
        for (PlatformFixture.Sub member : List.of(visitor, developer)) {
            Response added = f.call("AddProjectMember", "Id", project.id(), "AddCommand", json(Map.of("Env", "PROD",
                    "UserList", List.of(Map.of("UserId", member.id(), "RoleList", List.of(member == visitor ? 3 : 2))))));
            assertThat(added.status()).as(added.body().toString()).isEqualTo(200);
        }
        Response started = f.call(visitor.client(), "ExecuteAdHocTask", "ExecuteCommand", command(project.id(), "SQL", "select 1"));
        assertThat(started.status()).as(started.body().toString()).isEqualTo(200);
        String taskId = started.body().path("ExecuteResult").path("TaskId").asString();

        Object[] read = {"ProjectId", project.id(), "TaskId", taskId, "SubTaskId", 0, "Offset", 0};
        assertThat(f.call(visitor.client(), "GetAdHocTaskLog", read).status()).isEqualTo(200);
        assertThat(f.call("GetAdHocTaskLog", read).status()).isEqualTo(200); // the tenant's (and project's) administrator
        Response otherMember = f.call(developer.client(), "GetAdHocTaskLog", read);
        assertThat(otherMember.status()).isEqualTo(403);
        assertThat(otherMember.message()).contains("the user who started it");
        assertThat(f.call(developer.client(), "StopAdHocTask", "ProjectId", project.id(), "TaskId", taskId).status()).isEqualTo(403);
    }

    @Test
    void stopEndsALongQueryOnTheDatabase() throws Exception {
        engines.compute(project.id(), new Target(Engine.Dialect.POSTGRESQL, "POSTGRE_SQL", SourceDatabases.postgresUrl()));
        String marker = "r2_" + UUID.randomUUID().toString().replace("-", "");
        String taskId = execute(command(project.id(), "SQL", "select pg_sleep(600) as " + marker + "; select 2"));
        await(Duration.ofSeconds(20), () -> activeOnPostgres(marker) == 1);
        assertThat(logInfo(taskId, 0, 0).path("TaskStatus").asString()).isEqualTo("RUNNING");

        Map<String, Object> stopped = f.tea().call("StopAdHocTask", query("ProjectId", project.id(), "TaskId", taskId), Map.of());
        assertThat(stopped.get("RequestId")).isNotNull();
        await(Duration.ofSeconds(5), () -> activeOnPostgres(marker) == 0);
        await(Duration.ofSeconds(10), () -> !logInfo(taskId, 1, 0).path("HasNext").asBoolean());
        JsonNode first = logInfo(taskId, 0, 0);
        assertThat(first.path("TaskStatus").asString()).isEqualTo("CANCELLED");
        assertThat(first.path("Content").asString()).contains("stopped by a user");
        assertThat(logInfo(taskId, 1, 0).path("TaskStatus").asString()).isEqualTo("CANCELLED");

        // Stopping it again succeeds and changes nothing.
        assertThat(f.call("StopAdHocTask", "ProjectId", project.id(), "TaskId", taskId).status()).isEqualTo(200);
        assertThatThrownBy(() -> f.tea().call("StopAdHocTask", query("ProjectId", project.id(), "TaskId", "SQL_0_0"), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> assertThat(e.getCode()).isEqualTo("EntityNotExist"));
    }

    private static int activeOnPostgres(String marker) {
        try (Connection c = DriverManager.getConnection(SourceDatabases.postgresUrl());
             ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_stat_activity where state = 'active' and query like '%"
                     + marker + "%' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
