package dev.sluice.develop.resource;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.develop.DevFixture;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.RawClient.Response;
import tools.jackson.databind.JsonNode;

/** A run of a project that calls one of the project's UDFs is refused with a code naming the UDF and the engine. */
@RunnerServerTest
class UdfRunRefusalTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    RunnerTestEngines.Registry engines;

    DevFixture d;

    @BeforeEach
    void projectOnDuckdb() throws Exception {
        d = DevFixture.create(port, admin, projects);
        engines.compute(d.project.id(), new Target(Engine.Dialect.DUCKDB, "DUCKDB", "jdbc:duckdb:"));
        String jar = ResourceOperationsTest.upload(d, d.f.owner, d.project.id(), "not really a jar");
        Response resource = d.call(d.f.owner, "CreateResource", "CreateCommand", DevFixture.json(Map.of("Comment", "c",
                "ComputeEngineType", "MAX_COMPUTE", "Description", "udf jar", "Directory", "/", "Name", "udfs.jar",
                "ProjectId", d.project.id(), "ResourceType", "jar", "StorageAddress", jar)));
        assertThat(resource.status()).as(resource.body().toString()).isEqualTo(200);
        Response udf = d.call(d.f.owner, "CreateUdf", "CreateCommand", DevFixture.json(Map.of("Category", 4,
                "ClassName", "com.example.udf.Shout", "CommandHelp", "shout(s)", "Comment", "c", "ComputeEngineType", "MAX_COMPUTE",
                "Description", "upper case", "Name", "shout", "ProjectId", d.project.id(),
                "RefResourceIdList", List.of(resource.body().path("Data").asLong()))));
        assertThat(udf.status()).as(udf.body().toString()).isEqualTo(200);
    }

    @Test
    void aStatementCallingAProjectUdfFailsNamingItWhileBuiltInFunctionsRun() throws Exception {
        Map<String, String> query = new HashMap<>(Map.of("OpTenantId", String.valueOf(d.f.tenant())));
        Map<String, Object> started = d.f.tea().call("ExecuteAdHocTask", query, Map.of("ExecuteCommand", DevFixture.json(Map.of(
                "ProjectId", d.project.id(), "OperatorType", "SQL",
                "Code", "select upper('a') as built_in;\nselect SHOUT(name) from (select 'b' as name) t;\nselect 3;"))));
        @SuppressWarnings("unchecked")
        String taskId = (String) ((Map<String, Object>) started.get("ExecuteResult")).get("TaskId");

        JsonNode first = finished(taskId, 0);
        assertThat(first.path("TaskStatus").asString()).isEqualTo("SUCCESS");
        assertThat(first.path("HasResult").asBoolean()).isTrue();

        JsonNode second = finished(taskId, 1);
        assertThat(second.path("TaskStatus").asString()).isEqualTo("FAILED");
        assertThat(second.path("Content").asString()).contains(UdfErrors.UDF_NOT_RUNNABLE, "'shout'", "DUCKDB");
        assertThat(finished(taskId, 2).path("TaskStatus").asString()).isNotEqualTo("SUCCESS");
    }

    /** The whole log of one subtask once it has ended (bounded wait). */
    JsonNode finished(String taskId, int subTask) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            Response log = d.call(d.f.owner, "GetAdHocTaskLog", "ProjectId", d.project.id(), "TaskId", taskId, "SubTaskId", subTask, "Offset", 0);
            assertThat(log.status()).as(log.body().toString()).isEqualTo(200);
            JsonNode info = log.body().path("LogInfo");
            if (!info.path("HasNext").asBoolean()) return info;
            assertThat(System.nanoTime()).as("subtask %d still running", subTask).isLessThan(until);
            Thread.sleep(100);
        }
    }
}
