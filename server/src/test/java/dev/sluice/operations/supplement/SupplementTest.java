package dev.sluice.operations.supplement;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.AccountAdmin;
import dev.sluice.develop.DevFixture;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.operations.instance.Instance;
import dev.sluice.operations.instance.InstanceStatus;
import dev.sluice.operations.instance.Instances;
import dev.sluice.operations.instance.SchedulerSettings;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SourceDatabases;
import tools.jackson.databind.JsonNode;

/**
 * Backfills and data fixes end to end on the server whose scheduler dispatches: a 3-node chain backfilled over 10 dates
 * two at a time, the job's status and dag runs as the API shows them, a fix rerunning downstream instances, refused
 * input, and another tenant's ids unknown.
 */
@RunnerServerTest
class SupplementTest {

    static final String DAILY = "0 0 3 * * ?";

    @LocalServerPort
    int port;
    @Autowired
    AccountAdmin admin;
    @Autowired
    Projects projects;
    @Autowired
    RunnerTestEngines.Registry engines;
    @Autowired
    Instances instances;
    @Autowired
    JobStore jobs;
    @Autowired
    VersionedObjects objects;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    DisplayTime time;
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

    long publish(String name, int type, String code, String output, String upstream) {
        return publish(project, name, type, code, output, upstream);
    }

    long publish(long project, String name, int type, String code, String output, String upstream) {
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name,
                "Description", name, "ProjectId", project, "ScheduleType", 1, "TaskType", type)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", project, "FileId", file, "Name", name, "Code", code,
                "Comment", "publish", "NodeOutputNameList", List.of(output), "CronExpression", DAILY));
        if (upstream != null) command.put("UpStreamList", List.of(Map.of("SourceNodeOutputName", upstream, "PeriodDiff", 0, "DependStrategy", "ALL")));
        Response submitted = d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(command));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return file;
    }

    /** A → B → C: a VIRTUAL start and two SQL nodes on DuckDB. */
    long[] chain() {
        String tag = "s" + UUID.randomUUID().toString().substring(0, 6);
        long a = publish("a_" + tag, 999, "-- nothing", tag + ".a", null);
        long b = publish("b_" + tag, 51, "select 1 as x", tag + ".b", tag + ".a");
        long c = publish("c_" + tag, 51, "select '${bizdate}' as day", tag + ".c", tag + ".b");
        return new long[]{a, b, c};
    }

    Response backfill(long root, String start, String end, int parallelism) {
        return d.call(d.f.owner, "CreateNodeSupplement", "CreateCommand", json(Map.of("ProjectId", project, "NodeIdList",
                List.of(Map.of("Id", "n_" + root)), "ContainAllDownStream", true, "StartBizDate", start, "EndBizDate", end,
                "Parallelism", parallelism, "Name", "chain backfill")));
    }

    JsonNode awaitJob(String jobId, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            Response status = d.call(d.f.owner, "GetOperationSubmitStatus", "JobId", jobId);
            assertThat(status.status()).as(status.body().toString()).isEqualTo(200);
            JsonNode job = status.body().path("OperationSubmitJob");
            if (until.test(job)) return job;
            assertThat(System.nanoTime()).as("job %s still %s", jobId, job).isLessThan(deadline);
            sleep(200);
        }
    }

    List<Instance> inJob(long node, String jobId) {
        String flows = "dr_" + jobId.substring(2) + "_";
        return instances.ofNode(d.f.tenant(), node).stream().filter(i -> i.flowId().startsWith(flows)).toList();
    }

    /**
     * Two more advancers poll all along beside this server's, as three server nodes would: the job lock keeps each job
     * advanced by one at a time, so no date starts twice and no third date slips in.
     */
    @Test
    void tenDatesOfAChainRunTwoAtATimeOldestFirstEachNodeAfterItsUpstream() throws Exception {
        long[] nodes = chain();
        Response created = backfill(nodes[0], "2026-03-01", "2026-03-10", 2);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        String job = created.body().path("SubmitId").asString();
        assertThat(job).startsWith("f_");

        SchedulerSettings off = new SchedulerSettings(false, Duration.ofSeconds(1), 50, 1000);
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> racers = new ArrayList<>();
        for (int n = 0; n < 2; n++) {
            DagrunAdvancer other = new DagrunAdvancer(jobs, instances, objects, transaction, off, time, clock);
            racers.add(pool.submit(() -> {
                while (!stop.get()) {
                    other.advance();
                    sleep(15);
                }
            }));
        }
        JsonNode done;
        try {
            done = awaitJob(job, j -> !j.path("OperationStatus").asString().equals("RUNNING"));
        } finally {
            stop.set(true);
            for (Future<?> racer : racers) racer.get();
            pool.shutdownNow();
        }
        assertThat(done.path("OperationStatus").asString()).isEqualTo("SUCCESS");
        assertThat(done.path("Progress").asString()).isEqualTo("100");
        assertThat(done.path("Operation").asString()).isEqualTo("SUPPLY_DATA");
        assertThat(done.path("ExternalBizId").asString()).isEqualTo(job);
        assertThat(done.path("JobId").asString()).isEqualTo(job);

        // Per date: each node ran once, to SUCCESS, after its upstream of that date had succeeded.
        Map<String, long[]> span = new TreeMap<>(); // date -> first start, last end
        Map<Long, Map<String, Instance>> byNode = new HashMap<>();
        for (long node : nodes) {
            Map<String, Instance> byDate = new TreeMap<>();
            for (Instance i : inJob(node, job)) {
                assertThat(byDate.put(i.bizDate(), i)).as("one instance of n_%d for %s", node, i.bizDate()).isNull();
                assertThat(i.status()).isEqualTo(InstanceStatus.SUCCESS);
                assertThat(i.attempt()).as("%s ran once", i.wireId()).isEqualTo(1);
                span.merge(i.bizDate(), new long[]{i.startedAt(), i.finishedAt()},
                        (x, y) -> new long[]{Math.min(x[0], y[0]), Math.max(x[1], y[1])});
            }
            assertThat(byDate.keySet()).hasSize(10).first().isEqualTo("2026-03-01");
            byNode.put(node, byDate);
        }
        for (String date : span.keySet()) {
            Instance a = byNode.get(nodes[0]).get(date);
            Instance b = byNode.get(nodes[1]).get(date);
            Instance c = byNode.get(nodes[2]).get(date);
            assertThat(b.startedAt()).as("%s: b after a", date).isGreaterThanOrEqualTo(a.finishedAt());
            assertThat(c.startedAt()).as("%s: c after b", date).isGreaterThanOrEqualTo(b.finishedAt());
            assertThat(a.flowId()).isEqualTo(b.flowId()).isEqualTo(c.flowId());
        }
        List<long[]> spans = new ArrayList<>(span.values());
        for (int i = 1; i < spans.size(); i++) {
            assertThat(spans.get(i)[0]).as("date %d starts no earlier than the one before", i).isGreaterThanOrEqualTo(spans.get(i - 1)[0]);
        }
        for (long[] s : spans) {
            long inFlight = spans.stream().filter(o -> o[0] <= s[0] && o[1] > s[0]).count();
            assertThat(inFlight).as("dates in flight when one started").isLessThanOrEqualTo(2);
        }
        assertThat(spans.get(2)[0]).as("the third date waits for a slot").isGreaterThanOrEqualTo(Math.min(spans.get(0)[1], spans.get(1)[1]));

        Response dagruns = d.call(d.f.owner, "GetSupplementDagrun", "SupplementId", job);
        assertThat(dagruns.status()).as(dagruns.body().toString()).isEqualTo(200);
        List<JsonNode> runs = dagruns.body().path("DagrunList").valueStream().toList();
        assertThat(runs).hasSize(10);
        assertThat(runs.stream().map(r -> r.path("BizDate").asString()).toList()).isSorted().first().isEqualTo("2026-03-01");
        assertThat(runs).allSatisfy(r -> {
            assertThat(r.path("Status").asString()).isEqualTo("SUCCESS");
            assertThat(r.path("SupplementId").asString()).isEqualTo(job);
            assertThat(r.path("EndExecuteTime").asLong()).isGreaterThanOrEqualTo(r.path("StartExecuteTime").asLong());
            assertThat(r.path("Duration").asString()).endsWith("s");
        });
        assertThat(runs.stream().map(r -> r.path("StartExecuteTime").asLong()).toList()).isSorted();

        JsonNode first = runs.getFirst();
        Response dagrunInstances = d.call(d.f.owner, "GetSupplementDagrunInstance", "DagrunId", first.path("Id").asString());
        assertThat(dagrunInstances.status()).as(dagrunInstances.body().toString()).isEqualTo(200);
        List<JsonNode> listed = dagrunInstances.body().path("InstanceList").valueStream().toList();
        assertThat(listed).hasSize(3);
        assertThat(listed.stream().map(i -> i.path("NodeInfo").path("Id").asString()).toList())
                .containsExactlyInAnyOrder("n_" + nodes[0], "n_" + nodes[1], "n_" + nodes[2]);
        assertThat(listed).allSatisfy(i -> {
            assertThat(i.path("Type").asString()).isEqualTo("SUPPLEMENT");
            assertThat(i.path("BizDate").asString()).isEqualTo("2026-03-01");
            assertThat(i.path("StatusList").get(0).asString()).isEqualTo("SUCCESS");
        });
        assertThat(listed.stream().map(i -> i.path("Id").asString()).toList())
                .contains(byNode.get(nodes[2]).get("2026-03-01").wireId());

        JsonNode log = d.call(d.f.owner, "GetPhysicalNodeOperationLog", "NodeId", "n_" + nodes[2]).body().path("OperationLogList");
        assertThat(log.valueStream().map(e -> e.path("OperationType").asString()).toList()).contains("SUPPLY_DATA");
    }

    /** A failed instance holds its downstream, so its date keeps its slot until an operator sets it successful or ends the rest. */
    @Test
    void aFailedInstanceHoldsItsDateAndSlotUntilAnOperatorActs() {
        String tag = "h" + UUID.randomUUID().toString().substring(0, 6);
        long a = publish("a_" + tag, 999, "-- nothing", tag + ".a", null);
        long b = publish("b_" + tag, 51, "select * from " + tag + "_missing", tag + ".b", tag + ".a");
        long c = publish("c_" + tag, 999, "-- nothing", tag + ".c", tag + ".b");
        String job = backfill(a, "2026-06-01", "2026-06-02", 1).body().path("SubmitId").asString();

        Instance failed = awaitInstance(b, job, "2026-06-01", i -> i.status() == InstanceStatus.FAILED);
        sleep(1500);
        List<JsonNode> runs = d.call(d.f.owner, "GetSupplementDagrun", "SupplementId", job).body().path("DagrunList").valueStream().toList();
        assertThat(runs.stream().map(r -> r.path("Status").asString()).toList()).as("the held date keeps the only slot")
                .containsExactly("RUNNING", "WAITING");
        assertThat(d.call(d.f.owner, "GetOperationSubmitStatus", "JobId", job).body().path("OperationSubmitJob").path("Progress").asString())
                .isEqualTo("0");

        assertThat(d.call(d.f.owner, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", project, "Operation", "SET_SUCCESS",
                "InstanceIdList", List.of(Map.of("Id", failed.wireId()))))).status()).isEqualTo(200);
        awaitInstance(c, job, "2026-06-01", i -> i.status() == InstanceStatus.SUCCESS);
        awaitInstance(b, job, "2026-06-02", i -> i.status() == InstanceStatus.FAILED);
        Instance held = awaitInstance(c, job, "2026-06-02", i -> i.status() == InstanceStatus.WAIT_SCHEDULE);
        assertThat(d.call(d.f.owner, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", project, "Operation", "TERMINATE",
                "InstanceIdList", List.of(Map.of("Id", held.wireId()))))).status()).isEqualTo(200);

        JsonNode ended = awaitJob(job, j -> !j.path("OperationStatus").asString().equals("RUNNING"));
        assertThat(ended.path("OperationStatus").asString()).isEqualTo("FAILED");
        assertThat(d.call(d.f.owner, "GetSupplementDagrun", "SupplementId", job).body().path("DagrunList").valueStream()
                .map(r -> r.path("Status").asString()).toList()).containsExactly("SUCCESS", "FAILED");
    }

    @Test
    void filtersNarrowTheNodesParametersReachThemAndHourlyNodesRunInTheirWindow() {
        long[] nodes = chain();
        Map<String, Object> all = Map.of("ProjectId", project, "NodeIdList", List.of(Map.of("Id", "n_" + nodes[0])), "ContainAllDownStream", true,
                "StartBizDate", "2026-07-01", "EndBizDate", "2026-07-01");
        assertThat(nodesOf(create(with(all, "FilterList", List.of(Map.of("Key", "TARGETS", "ValueList", List.of("n_" + nodes[1])))))))
                .as("up to the target").containsExactly(nodes[0], nodes[1]);
        assertThat(nodesOf(create(with(all, "FilterList", List.of(Map.of("Key", "SOURCES", "ValueList", List.of("n_" + nodes[1])))))))
                .as("from the source on").containsExactly(nodes[1], nodes[2]);
        assertThat(nodesOf(create(with(all, "FilterList", List.of(Map.of("Key", "NODE_ID", "Exclude", true, "ValueList",
                List.of("n_" + nodes[1]))))))).containsExactly(nodes[0], nodes[2]);
        assertThat(nodesOf(create(with(all, "FilterList", List.of(Map.of("Key", "PROJECT", "Exclude", true, "ValueList",
                List.of(String.valueOf(project)))))))).as("nothing left").isEmpty();

        Map<String, Object> withParams = with(with(all, "GlobalParamList", List.of(Map.of("Key", "region", "Value", "east"),
                Map.of("Key", "tier", "Value", "all"))), "NodeParamsList", List.of(Map.of("NodeId", "n_" + nodes[2], "ParamList",
                List.of(Map.of("Key", "tier", "Value", "gold")))));
        String job = create(withParams).body().path("SubmitId").asString();
        awaitJob(job, j -> j.path("OperationStatus").asString().equals("SUCCESS"));
        assertThat(Instances.readParams(inJob(nodes[1], job).getFirst().params())).containsEntry("region", "east").containsEntry("tier", "all");
        assertThat(Instances.readParams(inJob(nodes[2], job).getFirst().params())).containsEntry("region", "east").containsEntry("tier", "gold");

        String tag = "hr" + UUID.randomUUID().toString().substring(0, 6);
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", tag,
                "Description", tag, "ProjectId", project, "ScheduleType", 1, "TaskType", 999)));
        long hourly = created.body().path("CreateResult").path("FileId").asLong();
        assertThat(d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(Map.of("ProjectId", project, "FileId", hourly, "Name", tag,
                "Code", "-- nothing", "Comment", "hourly", "NodeOutputNameList", List.of(tag + ".out"), "CronExpression", "0 0 * * * ?")))
                .status()).isEqualTo(200);
        String hourlyJob = create(Map.of("ProjectId", project, "NodeIdList", List.of(Map.of("Id", "n_" + hourly)), "StartBizDate", "2026-07-01",
                "EndBizDate", "2026-07-01", "MinDueTime", "10:00", "MaxDueTime", "12:00")).body().path("SubmitId").asString();
        awaitJob(hourlyJob, j -> j.path("OperationStatus").asString().equals("SUCCESS"));
        assertThat(inJob(hourly, hourlyJob).stream().map(i -> Instant.ofEpochMilli(i.dueAt()).atZone(time.zone()).toLocalDateTime().toString())
                .toList()).as("the run date's firings in the window").containsExactly("2026-07-02T10:00", "2026-07-02T11:00", "2026-07-02T12:00");
    }

    @Test
    void anInstanceStillRunningIsRerunOnlyWhenForced() {
        String name = "supp_pg_" + UUID.randomUUID().toString().substring(0, 8);
        Project pg = projects.create(new ProjectDraft(d.f.tenant(), name, name, null, ProjectMode.BASIC, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
        engines.compute(pg.id(), new Target(Engine.Dialect.POSTGRESQL, "ADB_FOR_PG", SourceDatabases.postgresUrl()));
        long sleeper = publish(pg.id(), "sleeper", 51, "select pg_sleep(600.2291)", name + ".out", null);
        String job = d.call(d.f.owner, "CreateNodeSupplement", "CreateCommand", json(Map.of("ProjectId", pg.id(), "NodeIdList",
                List.of(Map.of("Id", "n_" + sleeper)), "StartBizDate", "2026-08-01", "EndBizDate", "2026-08-01"))).body().path("SubmitId").asString();
        Instance running = awaitInstance(sleeper, job, "2026-08-01", i -> i.status() == InstanceStatus.RUNNING);

        Map<String, Object> fix = Map.of("ProjectId", pg.id(), "RootInstanceId", Map.of("Id", running.wireId()));
        Response refused = d.call(d.f.owner, "FixData", "FixDataCommand", json(fix));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo(SupplementErrors.IN_PROGRESS);
        assertThat(refused.message()).contains(running.wireId()).contains("ForceRerun");

        Response forced = d.call(d.f.owner, "FixData", "FixDataCommand", json(with(fix, "ForceRerun", true)));
        assertThat(forced.status()).as(forced.body().toString()).isEqualTo(200);
        Instance again = awaitInstance(sleeper, job, "2026-08-01", i -> i.attempt() == 2 && i.status() == InstanceStatus.RUNNING);
        JsonNode attempts = d.call(d.f.owner, "GetPhysicalInstanceLog", "ProjectId", pg.id(), "InstanceId", again.wireId()).body()
                .path("TaskrunLogList");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("Status").asString()).as("the first attempt was stopped").isEqualTo("FAILED");

        assertThat(d.call(d.f.owner, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", pg.id(), "Operation", "TERMINATE",
                "InstanceIdList", List.of(Map.of("Id", again.wireId()))))).status()).isEqualTo(200);
        awaitInstance(sleeper, job, "2026-08-01", i -> i.status() == InstanceStatus.FAILED);
        assertThat(awaitJob(forced.body().path("SubmitId").asString(), j -> !j.path("OperationStatus").asString().equals("RUNNING"))
                .path("OperationStatus").asString()).isEqualTo("FAILED");
    }

    /** The object ids a submitted backfill runs, or none when it was refused for leaving no node. */
    private List<Long> nodesOf(Response created) {
        if (created.status() == 400 && created.code().equals(SupplementErrors.NOTHING_TO_RUN)) return List.of();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = Long.parseLong(created.body().path("SubmitId").asString().substring(2));
        return jobs.nodes(id).stream().map(JobStore.JobNode::objectId).toList();
    }

    Instance awaitInstance(long node, String job, String bizDate, Predicate<Instance> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            List<Instance> found = inJob(node, job).stream().filter(i -> i.bizDate().equals(bizDate)).toList();
            if (!found.isEmpty() && until.test(found.getFirst())) return found.getFirst();
            assertThat(System.nanoTime()).as("n_%d of %s: %s", node, bizDate, found).isLessThan(deadline);
            sleep(100);
        }
    }

    @Test
    void fixDataRerunsTheRootAndItsDownstreamInDependencyOrder() {
        long[] nodes = chain();
        String job = backfill(nodes[0], "2026-04-01", "2026-04-01", 1).body().path("SubmitId").asString();
        awaitJob(job, j -> j.path("OperationStatus").asString().equals("SUCCESS"));
        Instance a = inJob(nodes[0], job).getFirst();
        Instance b = inJob(nodes[1], job).getFirst();
        Instance c = inJob(nodes[2], job).getFirst();

        Response fixed = d.call(d.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", project, "RootInstanceId",
                Map.of("Id", a.wireId()), "DownstreamRange", "ALL_INSTANCE")));
        assertThat(fixed.status()).as(fixed.body().toString()).isEqualTo(200);
        String fix = fixed.body().path("SubmitId").asString();
        JsonNode status = awaitJob(fix, j -> !j.path("OperationStatus").asString().equals("RUNNING"));
        assertThat(status.path("OperationStatus").asString()).isEqualTo("SUCCESS");
        assertThat(status.path("ExternalBizId").asString()).isEqualTo(a.wireId());
        assertThat(status.path("Progress").asString()).isEqualTo("100");

        Instance a2 = instances.find(d.f.tenant(), a.id()).orElseThrow();
        Instance b2 = instances.find(d.f.tenant(), b.id()).orElseThrow();
        Instance c2 = instances.find(d.f.tenant(), c.id()).orElseThrow();
        assertThat(List.of(a2, b2, c2)).allSatisfy(i -> {
            assertThat(i.attempt()).as("%s ran again", i.wireId()).isEqualTo(2);
            assertThat(i.status()).isEqualTo(InstanceStatus.SUCCESS);
        });
        assertThat(b2.startedAt()).isGreaterThanOrEqualTo(a2.finishedAt());
        assertThat(c2.startedAt()).isGreaterThanOrEqualTo(b2.finishedAt());

        // Only the listed downstream instance, without the root.
        Response onlyC = d.call(d.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", project, "RootInstanceId",
                Map.of("Id", a.wireId()), "ContainRootInstance", false, "DownStreamInstanceIdList", List.of(Map.of("Id", c.wireId())))));
        assertThat(onlyC.status()).as(onlyC.body().toString()).isEqualTo(200);
        awaitJob(onlyC.body().path("SubmitId").asString(), j -> j.path("OperationStatus").asString().equals("SUCCESS"));
        assertThat(instances.find(d.f.tenant(), c.id()).orElseThrow().attempt()).isEqualTo(3);
        assertThat(instances.find(d.f.tenant(), a.id()).orElseThrow().attempt()).isEqualTo(2);
        assertThat(instances.find(d.f.tenant(), b.id()).orElseThrow().attempt()).isEqualTo(2);

        Response upstreamListed = d.call(d.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", project, "RootInstanceId",
                Map.of("Id", b.wireId()), "DownStreamInstanceIdList", List.of(Map.of("Id", a.wireId())))));
        assertThat(upstreamListed.status()).isEqualTo(400);
        assertThat(upstreamListed.code()).isEqualTo(SupplementErrors.NOT_DOWNSTREAM);
        assertThat(upstreamListed.message()).contains("FixDataCommand.DownStreamInstanceIdList[0].Id");

        JsonNode log = d.call(d.f.owner, "GetPhysicalNodeOperationLog", "NodeId", "n_" + nodes[1]).body().path("OperationLogList");
        assertThat(log.valueStream().map(e -> e.path("OperationType").asString()).toList()).contains("FIX_DATA");
    }

    @Test
    void badInputIsRefusedNamingTheParameter() {
        long[] nodes = chain();
        String root = "n_" + nodes[0];
        Map<String, Object> good = Map.of("ProjectId", project, "NodeIdList", List.of(Map.of("Id", root)), "StartBizDate", "2026-01-01",
                "EndBizDate", "2026-01-02");

        assertRefused(create(without(good, "StartBizDate")), 400, "MissingParameter", "CreateCommand.StartBizDate");
        assertRefused(create(with(good, "EndBizDate", "2025-12-31")), 400, SupplementErrors.DATE_RANGE, "CreateCommand.EndBizDate");
        assertRefused(create(with(good, "EndBizDate", "2027-01-02")), 400, SupplementErrors.DATE_RANGE, "366");
        assertRefused(create(with(good, "StartBizDate", "2026-13-01")), 400, "InvalidParameter", "CreateCommand.StartBizDate");
        assertRefused(create(with(good, "Parallelism", 0)), 400, "InvalidParameter", "CreateCommand.Parallelism");
        assertRefused(create(with(good, "Parallelism", 11)), 400, "InvalidParameter", "CreateCommand.Parallelism");
        assertRefused(create(with(good, "MinDueTime", "25:00")), 400, "InvalidParameter", "CreateCommand.MinDueTime");
        assertRefused(create(without(good, "NodeIdList")), 400, "MissingParameter", "CreateCommand.NodeIdList");
        assertRefused(create(with(good, "NodeIdList", List.of(Map.of("Id", "x_1")))), 400, "InvalidParameter", "CreateCommand.NodeIdList[0].Id");
        assertRefused(create(with(good, "NodeIdList", List.of(Map.of("Id", "n_999999999")))), 404, "EntityNotExist", "n_999999999");
        assertThat(create(with(good, "DownStreamNodeIdList", List.of(Map.of("Id", "n_" + nodes[1])))).status()).as("a named downstream node")
                .isEqualTo(200);
        assertRefused(create(with(with(good, "NodeIdList", List.of(Map.of("Id", "n_" + nodes[1]))), "DownStreamNodeIdList",
                List.of(Map.of("Id", root)))), 400, SupplementErrors.NOT_DOWNSTREAM, "CreateCommand.DownStreamNodeIdList[0].Id");
        assertRefused(create(with(good, "FilterList", List.of(Map.of("Key", "NODE_ID", "ValueList", List.of("n_1"))))), 400,
                SupplementErrors.NOTHING_TO_RUN, "filters");
        assertRefused(create(with(good, "FilterList", List.of(Map.of("Key", "COLOUR", "ValueList", List.of("red"))))), 400,
                "InvalidParameter", "CreateCommand.FilterList[0].Key");
        assertRefused(create(with(good, "NodeParamsList", List.of(Map.of("NodeId", "n_" + nodes[2], "ParamList",
                List.of(Map.of("Key", "k", "Value", "v")))))), 400, "InvalidParameter", "CreateCommand.NodeParamsList[0].NodeId");
        assertRefused(d.call(d.f.owner, "CreateNodeSupplement", "Env", "DEV", "CreateCommand", json(good)), 400, "InvalidParameter", "Env");

        assertRefused(d.call(d.f.owner, "GetOperationSubmitStatus"), 400, "MissingParameter", "JobId");
        assertRefused(d.call(d.f.owner, "GetOperationSubmitStatus", "JobId", "job-1"), 400, "InvalidParameter", "JobId");
        assertRefused(d.call(d.f.owner, "GetOperationSubmitStatus", "JobId", "f_1"), 404, "EntityNotExist", "f_1");
        assertRefused(d.call(d.f.owner, "GetSupplementDagrun", "SupplementId", "dr_1_2"), 400, "InvalidParameter", "SupplementId");
        assertRefused(d.call(d.f.owner, "GetSupplementDagrunInstance", "DagrunId", "f_1"), 400, "InvalidParameter", "DagrunId");
        assertRefused(d.call(d.f.owner, "GetSupplementDagrunInstance", "DagrunId", "dr_1_2"), 404, "EntityNotExist", "dr_1_2");
        assertRefused(d.call(d.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", project))), 400, "MissingParameter",
                "FixDataCommand.RootInstanceId");
        assertRefused(d.call(d.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", project, "RootInstanceId", Map.of("Id", "t_1"),
                "DownstreamRange", "SOME"))), 400, "InvalidParameter", "FixDataCommand.DownstreamRange");
        assertRefused(d.call(d.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", project, "RootInstanceId", Map.of("Id", "t_1")))),
                404, "EntityNotExist", "t_1");
    }

    @Test
    void membersReadOperatorsSubmitAndAnotherTenantSeesNothing() {
        long[] nodes = chain();
        Sub visitor = d.member("visitor", 3);
        Map<String, Object> command = Map.of("ProjectId", project, "NodeIdList", List.of(Map.of("Id", "n_" + nodes[0])),
                "StartBizDate", "2026-05-01", "EndBizDate", "2026-05-01");
        assertThat(d.call(visitor.client(), "CreateNodeSupplement", "CreateCommand", json(command)).status()).isEqualTo(403);
        String job = create(command).body().path("SubmitId").asString();
        awaitJob(job, j -> j.path("OperationStatus").asString().equals("SUCCESS"));
        String dagrun = d.call(d.f.owner, "GetSupplementDagrun", "SupplementId", job).body().path("DagrunList").get(0).path("Id").asString();
        Instance a = inJob(nodes[0], job).getFirst();
        assertThat(inJob(nodes[1], job)).as("without ContainAllDownStream only the roots run").isEmpty();

        assertThat(d.call(visitor.client(), "GetSupplementDagrun", "SupplementId", job).status()).isEqualTo(200);
        assertThat(d.call(visitor.client(), "GetSupplementDagrunInstance", "DagrunId", dagrun).status()).isEqualTo(200);
        assertThat(d.call(visitor.client(), "GetOperationSubmitStatus", "JobId", job).status()).isEqualTo(200);
        assertThat(d.call(visitor.client(), "FixData", "FixDataCommand", json(Map.of("ProjectId", project, "RootInstanceId",
                Map.of("Id", a.wireId())))).status()).isEqualTo(403);

        DevFixture other = DevFixture.create(port, admin, projects);
        for (Response foreign : List.of(
                other.call(other.f.owner, "GetOperationSubmitStatus", "JobId", job),
                other.call(other.f.owner, "GetSupplementDagrun", "SupplementId", job),
                other.call(other.f.owner, "GetSupplementDagrunInstance", "DagrunId", dagrun),
                other.call(other.f.owner, "CreateNodeSupplement", "CreateCommand", json(Map.of("ProjectId", other.project.id(),
                        "NodeIdList", List.of(Map.of("Id", "n_" + nodes[0])), "StartBizDate", "2026-05-01", "EndBizDate", "2026-05-01"))),
                other.call(other.f.owner, "FixData", "FixDataCommand", json(Map.of("ProjectId", other.project.id(), "RootInstanceId",
                        Map.of("Id", a.wireId())))))) {
            assertThat(foreign.status()).as(foreign.body().toString()).isEqualTo(404);
            assertThat(foreign.body().toString()).doesNotContain(d.project.name());
        }
        assertThat(instances.find(d.f.tenant(), a.id()).orElseThrow().attempt()).as("untouched by the other tenant").isEqualTo(1);
    }

    private Response create(Map<String, Object> command) {
        return d.call(d.f.owner, "CreateNodeSupplement", "CreateCommand", json(command));
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> without(Map<String, Object> base, String key) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.remove(key);
        return copy;
    }

    private static void assertRefused(Response response, int status, String code, String mentioned) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.message()).contains(mentioned);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
