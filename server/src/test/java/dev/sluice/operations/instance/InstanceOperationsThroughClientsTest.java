package dev.sluice.operations.instance;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.develop.DevFixture;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.operations.PublishedNodes;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.TeaClient;
import tools.jackson.databind.JsonNode;

/**
 * The instance operations as users drive them, through Alibaba Cloud's own generic clients with nothing changed but the
 * endpoint: rerun, pause and resume, mark successful and terminate, each seen in the instance's state afterwards and in
 * its node's operation log.
 */
@RunnerServerTest
class InstanceOperationsThroughClientsTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountAdmin admin;
    @Autowired
    Projects projects;
    @Autowired
    RunnerTestEngines.Registry engines;
    @Autowired
    InstanceGenerator generator;
    @Autowired
    Instances instances;
    @Autowired
    Clock clock;

    DevFixture d;
    long project;

    @BeforeEach
    void projectOnDuckdb() {
        d = DevFixture.create(port, admin, projects);
        project = d.project.id();
        engines.compute(project, new Target(Engine.Dialect.DUCKDB, "ADB_FOR_PG", "jdbc:duckdb:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void rerunPauseResumeAndSetSuccessThroughTheTeaClient() {
        TeaClient tea = d.f.tea();
        String tag = "t" + UUID.randomUUID().toString().substring(0, 6);
        long node = PublishedNodes.publish(d, tag + "_load", PublishedNodes.SQL, "select 7 as " + tag + "_seven", tag + ".a", null);
        Instant now = clock.instant();
        generator.generate(now.minusSeconds(60), now);
        Instance ran = await(node, i -> i.dueAt() <= clock.millis(), i -> i.status() == InstanceStatus.SUCCESS);

        Map<String, Object> rerun = tea.call("OperateInstance", query(), Map.of("OperateCommand", operate("RERUN", ran.wireId())));
        assertThat((List<Map<String, Object>>) rerun.get("InstanceStatusList")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("Id", ran.wireId()).containsEntry("Status", "SUCCESS"));
        Instance rerunDone = await(node, i -> i.id() == ran.id(), i -> i.attempt() == 2 && i.status() == InstanceStatus.SUCCESS);
        Map<String, Object> log = tea.call("GetPhysicalInstanceLog", query("ProjectId", project, "InstanceId", rerunDone.wireId()), Map.of());
        assertThat((List<Map<String, Object>>) log.get("TaskrunLogList")).as("one log per attempt").hasSize(2)
                .allSatisfy(l -> assertThat((String) l.get("LogContent")).contains(tag + "_seven"));

        Instance later = futureInstance(node);
        tea.call("OperateInstance", query(), Map.of("OperateCommand", operate("PAUSE", later.wireId())));
        assertThat(statusList(tea, later)).containsExactly("WAIT_SCHEDULE", "PAUSED");
        tea.call("OperateInstance", query(), Map.of("OperateCommand", operate("RESUME", later.wireId())));
        assertThat(statusList(tea, later)).containsExactly("WAIT_SCHEDULE");
        tea.call("OperateInstance", query(), Map.of("OperateCommand", operate("SET_SUCCESS", later.wireId())));
        assertThat(statusList(tea, later)).containsExactly("SUCCESS");

        Map<String, Object> refused = tea.call("OperateInstance", query(), Map.of("OperateCommand", operate("PAUSE", later.wireId())));
        assertThat((List<Map<String, Object>>) refused.get("InstanceStatusList")).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("Status", "FAILED").extractingByKey("ErrorMessage").asString()
                        .contains("only a waiting instance pauses"));

        Instance another = futureInstance(node, later.id());
        tea.call("OperateInstance", query(), Map.of("OperateCommand", operate("TERMINATE", another.wireId())));
        assertThat(statusList(tea, another)).containsExactly("FAILED", "TERMINATED");

        Map<String, Object> operations = tea.call("GetPhysicalNodeOperationLog", query("NodeId", "n_" + node), Map.of());
        assertThat(((List<Map<String, Object>>) operations.get("OperationLogList")).stream().map(e -> e.get("OperationType")))
                .containsSubsequence("TERMINATE", "SET_SUCCESS", "RESUME", "PAUSE", "RERUN");
    }

    @Test
    @SuppressWarnings("unchecked")
    void terminateListAndTheOtherOperationsThroughTheCoreClient() throws Exception {
        CoreClient core = new CoreClient(port, d.f.account.key().accessKeyId(), d.f.account.key().accessKeySecret());
        String tag = "k" + UUID.randomUUID().toString().substring(0, 6);
        long node = PublishedNodes.publish(d, tag + "_load", PublishedNodes.VIRTUAL, "-- nothing", tag + ".a", null);
        Instance later = futureInstance(node);

        JsonNode terminated = RpcJson.MAPPER.readTree(core.call("OperateInstance", query(), Map.of("OperateCommand",
                operate("TERMINATE", later.wireId()))).getData());
        assertThat(terminated.path("InstanceStatusList").get(0).path("Status").asString()).isEqualTo("SUCCESS");

        JsonNode listed = RpcJson.MAPPER.readTree(core.call("ListInstances", query(), Map.of("ListQuery", json(Map.of("ProjectId", project,
                "Page", 1, "PageSize", 20, "ScheduleType", "NORMAL", "NodeId", "n_" + node, "RunStatusList", List.of("FAILED"))))).getData());
        JsonNode row = listed.path("PageResult").path("Data").get(0);
        assertThat(row.path("Id").asString()).isEqualTo(later.wireId());
        assertThat(row.path("StatusList").valueStream().map(JsonNode::asString).toList()).containsExactly("FAILED", "TERMINATED");
        assertThat(instances.find(d.f.tenant(), later.id()).orElseThrow().status()).isEqualTo(InstanceStatus.FAILED);

        JsonNode again = RpcJson.MAPPER.readTree(core.call("OperateInstance", query(), Map.of("OperateCommand",
                operate("TERMINATE", later.wireId()))).getData());
        assertThat(again.path("InstanceStatusList").get(0).path("ErrorMessage").asString()).contains("already finished");

        // The rest of the instance operations through this client too: rerun (it waits for its due time again), pause,
        // resume, mark successful.
        for (String operation : List.of("RERUN", "PAUSE", "RESUME", "SET_SUCCESS")) {
            JsonNode done = RpcJson.MAPPER.readTree(core.call("OperateInstance", query(), Map.of("OperateCommand",
                    operate(operation, later.wireId()))).getData());
            assertThat(done.path("InstanceStatusList").get(0).path("Status").asString()).as(operation + ": " + done).isEqualTo("SUCCESS");
            if (operation.equals("PAUSE")) assertThat(instances.find(d.f.tenant(), later.id()).orElseThrow().paused()).isTrue();
        }
        Instance after = instances.find(d.f.tenant(), later.id()).orElseThrow();
        assertThat(after.status()).isEqualTo(InstanceStatus.SUCCESS);
        assertThat(after.paused() || after.terminated()).isFalse();

        JsonNode submitted = RpcJson.MAPPER.readTree(core.call("CreateNodeSupplement", query(), Map.of("CreateCommand", json(Map.of(
                "ProjectId", project, "NodeIdList", List.of(Map.of("Id", "n_" + node)), "StartBizDate", "2026-10-01",
                "EndBizDate", "2026-10-01", "Parallelism", 1, "Name", tag + " one day", "MinDueTime", "02:00",
                "MaxDueTime", "02:00")))).getData());
        String job = submitted.path("SubmitId").asString();
        assertThat(job).as(submitted.toString()).startsWith("f_");
        TeaClient tea = d.f.tea();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Map<String, Object> status;
        do {
            assertThat(System.nanoTime()).as("backfill %s still running", job).isLessThan(deadline);
            Thread.sleep(200);
            status = (Map<String, Object>) tea.call("GetOperationSubmitStatus", query("JobId", job), Map.of()).get("OperationSubmitJob");
        } while ("RUNNING".equals(status.get("OperationStatus")));
        assertThat(status).containsEntry("OperationStatus", "SUCCESS").containsEntry("Progress", "100");
    }

    @Test
    @SuppressWarnings("unchecked")
    void backfillThroughTheTeaClientFollowedThroughTheCoreClient() throws Exception {
        TeaClient tea = d.f.tea();
        CoreClient core = new CoreClient(port, d.f.account.key().accessKeyId(), d.f.account.key().accessKeySecret());
        String tag = "b" + UUID.randomUUID().toString().substring(0, 6);
        long start = PublishedNodes.publish(d, tag + "_start", PublishedNodes.VIRTUAL, "-- nothing", tag + ".a", null, "0 0 2 * * ?");
        long day = PublishedNodes.publish(d, tag + "_day", PublishedNodes.SQL, "select '${bizdate}' as " + tag + "_day", tag + ".b",
                tag + ".a", "0 0 2 * * ?");

        Map<String, Object> submitted = tea.call("CreateNodeSupplement", query(), Map.of("CreateCommand", json(Map.of("ProjectId", project,
                "NodeIdList", List.of(Map.of("Id", "n_" + start)), "ContainAllDownStream", true, "StartBizDate", "2026-11-01",
                "EndBizDate", "2026-11-03", "Parallelism", 2, "Name", tag + " backfill"))));
        String job = (String) submitted.get("SubmitId");
        assertThat(job).startsWith("f_");

        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        JsonNode status;
        do {
            assertThat(System.nanoTime()).as("backfill %s still running", job).isLessThan(deadline);
            Thread.sleep(200);
            status = RpcJson.MAPPER.readTree(core.call("GetOperationSubmitStatus", query("JobId", job), Map.of()).getData())
                    .path("OperationSubmitJob");
        } while (!status.path("OperationStatus").asString().equals("SUCCESS") && !status.path("OperationStatus").asString().equals("FAILED"));
        assertThat(status.path("OperationStatus").asString()).as(status.toString()).isEqualTo("SUCCESS");

        List<Map<String, Object>> dagruns = (List<Map<String, Object>>) tea.call("GetSupplementDagrun", query("SupplementId", job), Map.of())
                .get("DagrunList");
        assertThat(dagruns).as("one dag run per business date").hasSize(3);
        JsonNode instancesOfFirst = RpcJson.MAPPER.readTree(core.call("GetSupplementDagrunInstance",
                query("DagrunId", (String) dagruns.getFirst().get("Id")), Map.of()).getData());
        assertThat(instancesOfFirst.toString()).contains("n_" + start, "n_" + day);
        assertThat(instances.ofNode(d.f.tenant(), day).stream().filter(i -> !i.flowId().isEmpty()).map(Instance::bizDate).sorted().toList())
                .containsExactly("2026-11-01", "2026-11-02", "2026-11-03");
    }

    /** An instance of the node due in about an hour: it waits, so every operation on a waiting instance applies. */
    private Instance futureInstance(long node, long... besides) {
        Instant inAnHour = clock.instant().plus(Duration.ofHours(1)).plusSeconds(60L * besides.length);
        generator.generate(inAnHour, inAnHour.plusSeconds(60));
        return instances.ofNode(d.f.tenant(), node).stream().filter(i -> i.dueAt() > clock.millis() + 30 * 60_000L)
                .filter(i -> java.util.Arrays.stream(besides).noneMatch(b -> b == i.id())).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private List<String> statusList(TeaClient tea, Instance instance) {
        Map<String, Object> got = tea.call("GetPhysicalInstance", query("ProjectId", project, "InstanceId", instance.wireId()), Map.of());
        return (List<String>) ((Map<String, Object>) got.get("Instance")).get("StatusList");
    }

    private String operate(String operation, String instanceId) {
        return json(Map.of("ProjectId", project, "Operation", operation, "InstanceIdList", List.of(Map.of("Id", instanceId))));
    }

    private Map<String, String> query(Object... pairs) {
        Map<String, String> query = new HashMap<>();
        query.put("OpTenantId", String.valueOf(d.f.tenant()));
        for (int i = 0; i < pairs.length; i += 2) query.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        return query;
    }

    private Instance await(long node, Predicate<Instance> which, Predicate<Instance> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            Instance now = instances.ofNode(d.f.tenant(), node).stream().filter(which).findFirst().orElse(null);
            if (now != null && until.test(now)) return now;
            assertThat(System.nanoTime()).as("instance of n_%s: %s", node, now).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
