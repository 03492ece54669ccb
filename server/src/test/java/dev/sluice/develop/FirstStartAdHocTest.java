package dev.sluice.develop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TeaClient;
import tools.jackson.databind.JsonNode;

/**
 * Right after a first start on an empty data directory, with no other setup: SQL runs on the compute source Sluice
 * manages (DuckDB in the data directory) in the first project, through both of Alibaba Cloud's clients, and the example
 * the start prints works as printed.
 */
class FirstStartAdHocTest {

    /** One of Alibaba Cloud's clients, answering the response body as JSON. */
    interface Client {
        JsonNode call(String action, Map<String, String> query, Map<String, String> body) throws Exception;
    }

    @TempDir
    static Path dataDir;

    static ServerProcess server;
    static Map<String, String> facts;
    static Client tea;
    static Client core;

    @BeforeAll
    static void firstStart() throws Exception {
        server = ServerProcess.start(dataDir);
        facts = server.printed().facts();
        TeaClient teaClient = new TeaClient(server.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
        CoreClient coreClient = new CoreClient(server.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
        tea = (action, query, body) -> RpcJson.MAPPER.valueToTree(teaClient.call(action, query, body));
        core = (action, query, body) -> RpcJson.MAPPER.readTree(coreClient.call(action, query, body).getData());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) server.close();
    }

    @Test
    void theBannersExampleRunsAsPrinted() throws Exception {
        String output = server.printed().output();
        Matcher command = Pattern.compile("--ExecuteCommand '(\\{[^']*})'").matcher(output);
        assertThat(command.find()).as(output).isTrue();
        String printed = command.group(1);
        assertThat(printed).isEqualTo("{\"ProjectId\":" + facts.get("ProjectId") + ",\"Code\":\"select 42 as answer\",\"OperatorType\":\"SQL\"}");
        assertThat(output).contains("--OpTenantId " + facts.get("TenantId"), "--access-key-id " + facts.get("AccessKeyId"),
                "--endpoint 127.0.0.1:" + server.port());

        // The aliyun CLI sends an RPC call's parameters in the query, signed as the classic RPC signature: as the core SDK does.
        String viaCli = core.call("ExecuteAdHocTask", Map.of("OpTenantId", facts.get("TenantId"), "ExecuteCommand", printed), Map.of())
                .path("ExecuteResult").path("TaskId").asString();
        // The tea-openapi variant the banner describes: OpTenantId in the query, ExecuteCommand in the body.
        assertThat(output).contains("OpenApiRequest().setQuery(java.util.Map.of(\"OpTenantId\", \"" + facts.get("TenantId") + "\"))");
        String javaBody = javaBodyOf(output);
        assertThat(javaBody).isEqualTo(printed);
        String viaTea = tea.call("ExecuteAdHocTask", Map.of("OpTenantId", facts.get("TenantId")), Map.of("ExecuteCommand", javaBody))
                .path("ExecuteResult").path("TaskId").asString();
        for (String taskId : List.of(viaCli, viaTea)) {
            assertThat(pagedLog(tea, taskId, 0)).contains("SUCCESS", "1 row returned");
            // As the banner says: GetAdHocTaskResult with --ProjectId, --TaskId and --SubTaskId 0.
            JsonNode result = core.call("GetAdHocTaskResult", Map.of("OpTenantId", facts.get("TenantId"), "ProjectId", facts.get("ProjectId"),
                    "TaskId", taskId, "SubTaskId", "0"), Map.of());
            JsonNode rows = RpcJson.MAPPER.readTree(result.path("ExecuteResult").path("Result").asString());
            assertThat(rows.path("columns").get(0).path("name").asString()).isEqualTo("answer");
            assertThat(rows.path("rows").toString()).isEqualTo("[[42]]");
        }
    }

    @Test
    void aScriptRunsOnTheManagedDuckdbThroughBothClients() throws Exception {
        for (Client client : List.of(tea, core)) {
            String table = client == tea ? "e2e17_tea" : "e2e17_core";
            String script = "create table " + table + " (id integer, name varchar);\n"
                    + "insert into " + table + " values (1, 'a;b'), (2, 'c');\n"
                    + "select id, name from " + table + " order by id;";
            JsonNode started = client.call("ExecuteAdHocTask", query(), Map.of("ExecuteCommand", command(script))).path("ExecuteResult");
            assertThat(started.path("SubTaskCount").asInt()).isEqualTo(3);
            String taskId = started.path("TaskId").asString();
            assertThat(pagedLog(client, taskId, 0)).contains("statement 1 of 3", "SUCCESS");
            assertThat(pagedLog(client, taskId, 1)).contains("SUCCESS", "2 rows affected");
            assertThat(pagedLog(client, taskId, 2)).contains("SUCCESS", "2 rows returned");
            JsonNode result = client.call("GetAdHocTaskResult", query("TaskId", taskId, "SubTaskId", "2"), Map.of());
            JsonNode rows = RpcJson.MAPPER.readTree(result.path("ExecuteResult").path("Result").asString());
            assertThat(rows.path("rows").toString()).isEqualTo("[[1,\"a;b\"],[2,\"c\"]]");
            assertThat(rows.path("truncated").asBoolean()).isFalse();
        }
    }

    @Test
    void aLongDuckdbQueryIsStopped() throws Exception {
        String taskId = tea.call("ExecuteAdHocTask", query(), Map.of("ExecuteCommand",
                command("select count(*) from range(1000000000000) t(i) where i % 7 = 3; select 2"))).path("ExecuteResult").path("TaskId").asString();
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!"RUNNING".equals(log(tea, taskId, 0, 0).path("TaskStatus").asString())) {
            assertThat(System.nanoTime()).as("the query starts").isLessThan(until);
            Thread.sleep(100);
        }
        Thread.sleep(500); // inside the query, not before it
        core.call("StopAdHocTask", query("TaskId", taskId), Map.of());
        long stopped = System.nanoTime();
        String first = pagedLog(tea, taskId, 0);
        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).as("DuckDB gave the query up").isLessThan(Duration.ofSeconds(10));
        assertThat(first).contains("CANCELLED", "stopped by a user");
        assertThat(log(tea, taskId, 0, 0).path("TaskStatus").asString()).isEqualTo("CANCELLED");
        assertThat(pagedLog(tea, taskId, 1)).contains("CANCELLED");
    }

    /** The body of the tea-openapi variant the banner prints, unescaped. */
    static String javaBodyOf(String output) {
        Matcher body = Pattern.compile("\\.setBody\\(java\\.util\\.Map\\.of\\(\"ExecuteCommand\", \"((?:[^\"\\\\]|\\\\.)*)\"\\)\\)").matcher(output);
        assertThat(body.find()).as(output).isTrue();
        return body.group(1).replace("\\\"", "\"");
    }

    static String command(String code) {
        return RpcJson.MAPPER.writeValueAsString(Map.of("ProjectId", Long.parseLong(facts.get("ProjectId")), "OperatorType", "SQL", "Code", code));
    }

    static Map<String, String> query(String... pairs) {
        Map<String, String> query = new HashMap<>(Map.of("OpTenantId", facts.get("TenantId"), "ProjectId", facts.get("ProjectId")));
        for (int i = 0; i < pairs.length; i += 2) query.put(pairs[i], pairs[i + 1]);
        return query;
    }

    static JsonNode log(Client client, String taskId, int subTask, long offset) throws Exception {
        return client.call("GetAdHocTaskLog", query("TaskId", taskId, "SubTaskId", String.valueOf(subTask), "Offset", String.valueOf(offset)),
                Map.of()).path("LogInfo");
    }

    /** The whole log of a statement, paged from offset 0 along NextOffset until HasNext is false. */
    static String pagedLog(Client client, String taskId, int subTask) throws Exception {
        StringBuilder text = new StringBuilder();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonNode page;
        do {
            page = log(client, taskId, subTask, text.length());
            text.append(page.path("Content").asString());
            assertThat(page.path("NextOffset").asLong()).isEqualTo(text.length());
            assertThat(System.nanoTime()).as("statement %d ends", subTask).isLessThan(until);
            if (page.path("HasNext").asBoolean()) Thread.sleep(100);
        } while (page.path("HasNext").asBoolean());
        return text.toString();
    }
}
