package dev.sluice.operations.instance;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.account.AccountAdmin;
import dev.sluice.develop.DevFixture;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.operations.NodeHolds;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerSettings;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.runner.SqlRunner;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SourceDatabases;
import tools.jackson.databind.JsonNode;

/**
 * The scheduler end to end on one server: a published chain runs in dependency order, a failed upstream holds its
 * downstream until it is set successful, reruns, termination of SQL on PostgreSQL, manual runs, and two dispatchers
 * racing for the same instances.
 */
@RunnerServerTest
class SchedulerTest {

    static final String EVERY_MINUTE = "0 * * * * ?";

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
    InstanceStore store;
    @Autowired
    VersionedObjects objects;
    @Autowired
    SqlRunner runner;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SchedulerSettings settings;
    @Autowired
    RunnerSettings runnerSettings;
    @Autowired
    Clock clock;
    @Autowired
    ObjectProvider<NodeHolds> holds;

    DevFixture d;
    long project;

    @BeforeEach
    void projectOnDuckdb() {
        d = DevFixture.create(port, admin, projects);
        project = d.project.id();
        engines.compute(project, new Target(Engine.Dialect.DUCKDB, "ADB_FOR_PG", "jdbc:duckdb:"));
    }

    long publish(long projectId, String name, int type, int scheduleType, String code, String output, String upstream) {
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", name,
                "Description", name, "ProjectId", projectId, "ScheduleType", scheduleType, "TaskType", type)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", projectId, "FileId", file, "Name", name, "Code", code,
                "Comment", "publish", "NodeOutputNameList", List.of(output)));
        if (scheduleType == 1) command.put("CronExpression", EVERY_MINUTE);
        if (upstream != null) command.put("UpStreamList", List.of(Map.of("SourceNodeOutputName", upstream, "PeriodDiff", 0, "DependStrategy", "ALL")));
        Response submitted = d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(command));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return file;
    }

    /** One instance per node: the minute that has just passed. */
    void generateLastMinute() {
        Instant now = clock.instant();
        assertThat(generator.generate(now.minusSeconds(60), now)).isPositive();
    }

    Instance first(long node) {
        return instances.ofNode(d.f.tenant(), node).stream().filter(i -> i.dueAt() <= clock.millis()).findFirst().orElseThrow();
    }

    Instance await(long node, Predicate<Instance> until) {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        Instance now = first(node);
        while (!until.test(now)) {
            assertThat(System.nanoTime()).as("instance %s still %s (%s)", now.wireId(), now.status(), now.errorMessage()).isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            now = instances.find(d.f.tenant(), now.id()).orElseThrow();
        }
        return now;
    }

    Response operate(RawClient client, long projectId, String operation, String... ids) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (String id : ids) list.add(Map.of("Id", id));
        return d.call(client, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", projectId, "Operation", operation,
                "InstanceIdList", list)));
    }

    @Test
    void aPublishedChainRunsInDependencyOrderWithItsBusinessDate() {
        String tag = "c" + UUID.randomUUID().toString().substring(0, 6);
        long a = publish(project, "start", 999, 1, "-- nothing", tag + ".a", null);
        long b = publish(project, "middle", 51, 1, "select 1 as x", tag + ".b", tag + ".a");
        long c = publish(project, "last", 51, 1, "select '${bizdate}' as day", tag + ".c", tag + ".b");
        generateLastMinute();

        Instance last = await(c, i -> i.status() == InstanceStatus.SUCCESS);
        Instance middle = first(b);
        Instance start = first(a);
        assertThat(start.status()).isEqualTo(InstanceStatus.SUCCESS);
        assertThat(middle.status()).isEqualTo(InstanceStatus.SUCCESS);
        assertThat(middle.startedAt()).as("b starts after a succeeded").isGreaterThanOrEqualTo(start.finishedAt());
        assertThat(last.startedAt()).as("c starts after b succeeded").isGreaterThanOrEqualTo(middle.finishedAt());
        assertThat(last.bizDate()).isEqualTo(Instant.ofEpochMilli(last.dueAt()).atZone(InstanceGeneratorCronTest.zone(d)).toLocalDate()
                .minusDays(1).toString());

        Response listed = d.call(d.f.owner, "ListInstances", "ListQuery", json(Map.of("ProjectId", project, "Page", 1, "PageSize", 10, "ScheduleType", "NORMAL",
                "NodeId", "n_" + c, "RunStatusList", List.of("SUCCESS"))));
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        JsonNode row = listed.body().path("PageResult").path("Data").get(0);
        assertThat(row.path("Id").asString()).isEqualTo(last.wireId());
        assertThat(row.path("StatusList").get(0).asString()).isEqualTo("SUCCESS");
        assertThat(row.path("NodeInfo").path("Name").asString()).isEqualTo("last");
        assertThat(row.path("BizDate").asString()).isEqualTo(last.bizDate());

        Response down = d.call(d.f.owner, "GetInstanceDownStream", "DownStreamDepth", 2, "InstanceGet", json(Map.of("InstanceId",
                start.wireId(), "NodeType", "SCRIPT")));
        assertThat(down.status()).as(down.body().toString()).isEqualTo(200);
        assertThat(down.body().path("InstanceRelationList").valueStream()
                .map(r -> r.path("DownStreamDepth").asInt() + ":" + r.path("InstanceInfo").path("Id").asString()).toList())
                .as("later instances of the same date may follow as generation adds them").contains("1:" + middle.wireId(), "2:" + last.wireId());
        assertThat(d.call(d.f.owner, "GetInstanceDownStream", "DownStreamDepth", 2).message()).contains("InstanceGet");

        Response dag = d.call(d.f.owner, "GetInstanceUpDownStream", "ProjectId", project, "UpStreamDepth", 1, "DownStreamDepth", 3,
                "InstanceId", json(Map.of("Id", middle.wireId())));
        assertThat(dag.status()).as(dag.body().toString()).isEqualTo(200);
        JsonNode info = dag.body().path("InstanceDagInfo");
        assertThat(info.path("StartInstanceList").valueStream().map(i -> i.path("Id").asString() + " " + i.path("NodeId").asString()
                + " " + i.path("Name").asString() + " " + i.path("NodeType").asString())).containsExactly(middle.wireId() + " n_" + b
                + " middle DATA_PROCESS");
        assertThat(info.path("UpInstanceList").valueStream().map(i -> i.path("Id").asString())).containsExactly(start.wireId());
        assertThat(info.path("DownInstanceList").valueStream().map(i -> i.path("Id").asString()).toList())
                .as("the last of the chain first; its later instances of the date (as generation adds them) wait for it too")
                .startsWith(last.wireId());
        Response startOnly = d.call(d.f.owner, "GetInstanceUpDownStream", "ProjectId", project, "DownStreamDepth", 0,
                "InstanceId", json(Map.of("Id", start.wireId())));
        assertThat(startOnly.body().path("InstanceDagInfo").path("UpInstanceList")).as("the first of the chain waits for none").isEmpty();
        assertThat(startOnly.body().path("InstanceDagInfo").path("DownInstanceList")).isEmpty();
        Response tooDeep = d.call(d.f.owner, "GetInstanceUpDownStream", "ProjectId", project, "UpStreamDepth", 11,
                "InstanceId", json(Map.of("Id", start.wireId())));
        assertThat(tooDeep.status()).isEqualTo(400);
        assertThat(tooDeep.message()).contains("UpStreamDepth");

        JsonNode got = d.call(d.f.owner, "GetPhysicalInstance", "ProjectId", project, "InstanceId", last.wireId()).body().path("Instance");
        assertThat(got.path("DueTime").asString()).isNotBlank();
        JsonNode log = d.call(d.f.owner, "GetPhysicalInstanceLog", "ProjectId", project, "InstanceId", last.wireId()).body()
                .path("TaskrunLogList");
        assertThat(log).hasSize(1);
        assertThat(log.get(0).path("Status").asString()).isEqualTo("SUCCESS");
        assertThat(log.get(0).path("LogContent").asString()).as("${bizdate} was the instance's business date")
                .contains(last.bizdateParam());
    }

    @Test
    void aFailedUpstreamHoldsItsDownstreamUntilSetSuccessfulAndRerunsMakeNewAttempts() throws Exception {
        String tag = "f" + UUID.randomUUID().toString().substring(0, 6);
        long failing = publish(project, "failing", 51, 1, "select * from " + tag + "_missing_table", tag + ".a", null);
        long after = publish(project, "after", 999, 1, "-- nothing", tag + ".b", tag + ".a");
        generateLastMinute();

        // The test server retries a failed attempt once, a second after it failed (sluice.scheduler.retry.*).
        Instance failed = await(failing, i -> i.status() == InstanceStatus.FAILED);
        assertThat(failed.attempt()).as("one retry of the failed SQL").isEqualTo(2);
        Thread.sleep(3 * settings.pollInterval().toMillis());
        assertThat(first(after).status()).as("a failed upstream holds its downstream").isEqualTo(InstanceStatus.WAIT_SCHEDULE);

        JsonNode attempts = d.call(d.f.owner, "GetPhysicalInstanceLog", "ProjectId", project, "InstanceId", failed.wireId()).body()
                .path("TaskrunLogList");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("LogContent").asString()).contains(tag + "_missing_table", "retried after 1s (failed attempt 1 of 2)");
        assertThat(attempts.get(1).path("LogContent").asString()).contains(tag + "_missing_table", "(failed attempt 2 of 2)");
        assertThat(attempts.valueStream().map(a -> a.path("Status").asString()).toList()).containsExactly("FAILED", "FAILED");
        List<InstanceStore.Attempt> recorded = store.attempts(failed.id());
        assertThat(recorded.get(1).startedAt()).as("the retry waited its interval").isGreaterThanOrEqualTo(recorded.get(0).finishedAt() + 1000);
        assertThat(d.call(d.f.owner, "GetPhysicalInstance", "ProjectId", project, "InstanceId", failed.wireId()).body()
                .path("Instance").path("Index").asInt()).as("the attempt shown").isEqualTo(2);

        Response notFinished = operate(d.f.owner, project, "RERUN", first(after).wireId());
        assertThat(notFinished.body().path("InstanceStatusList").get(0).path("Status").asString()).isEqualTo("FAILED");
        assertThat(notFinished.body().path("InstanceStatusList").get(0).path("ErrorMessage").asString()).contains("only a finished");

        Response setSuccess = operate(d.f.owner, project, "set_success", failed.wireId());
        assertThat(setSuccess.status()).as(setSuccess.body().toString()).isEqualTo(200);
        assertThat(setSuccess.body().path("InstanceStatusList").get(0).path("Status").asString()).isEqualTo("SUCCESS");
        await(after, i -> i.status() == InstanceStatus.SUCCESS);

        Response rerun = operate(d.f.owner, project, "RERUN", failed.wireId());
        assertThat(rerun.body().path("InstanceStatusList").get(0).path("Status").asString()).isEqualTo("SUCCESS");
        Instance again = await(failing, i -> i.attempt() == 4 && i.status() == InstanceStatus.FAILED);
        assertThat(again.attempt()).as("a rerun has its retries again").isEqualTo(4);
        assertThat(d.call(d.f.owner, "GetPhysicalInstanceLog", "ProjectId", project, "InstanceId", failed.wireId()).body()
                .path("TaskrunLogList")).hasSize(4);
    }

    @Test
    void terminateStopsTheSqlOnTheDatabase() throws Exception {
        String name = "sched_pg_" + UUID.randomUUID().toString().substring(0, 8);
        Project pg = projects.create(new ProjectDraft(d.f.tenant(), name, name, null, ProjectMode.BASIC, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
        engines.compute(pg.id(), new Target(Engine.Dialect.POSTGRESQL, "ADB_FOR_PG", SourceDatabases.postgresUrl()));
        long sleeper = publish(pg.id(), "sleeper", 51, 3, "select pg_sleep(600.1917)", "sleep" + name, null);

        Response ran = d.call(d.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", pg.id(), "NodeId", "n_" + sleeper,
                "StartBizDate", "2026-01-01", "EndBizDate", "2026-01-01")));
        assertThat(ran.status()).as(ran.body().toString()).isEqualTo(200);
        assertThat(ran.body().path("FlowId").asString()).startsWith("f_" + sleeper + "_");
        Instance running = await(sleeper, i -> i.status() == InstanceStatus.RUNNING);
        assertThat(running.bizDate()).isEqualTo("2026-01-01");
        awaitSleeping(1);

        Response terminated = operate(d.f.owner, pg.id(), "TERMINATE", running.wireId());
        assertThat(terminated.body().path("InstanceStatusList").get(0).path("Status").asString()).isEqualTo("SUCCESS");
        Instance ended = await(sleeper, i -> i.status() == InstanceStatus.FAILED);
        assertThat(ended.terminated()).isTrue();
        awaitSleeping(0);
        JsonNode got = d.call(d.f.owner, "GetPhysicalInstance", "ProjectId", pg.id(), "InstanceId", ended.wireId()).body().path("Instance");
        assertThat(got.path("StatusList").toString()).contains("FAILED").contains("TERMINATED");
    }

    @Test
    void anAttemptLostWithItsNodeIsRetriedOnceItsRunIsFinal() throws Exception {
        String name = "sched_lost_" + UUID.randomUUID().toString().substring(0, 8);
        Project pg = projects.create(new ProjectDraft(d.f.tenant(), name, name, null, ProjectMode.BASIC, null, null, null,
                d.f.account.mainUser().id(), null, null, null, null));
        engines.compute(pg.id(), new Target(Engine.Dialect.POSTGRESQL, "ADB_FOR_PG", SourceDatabases.postgresUrl()));
        long sleeper = publish(pg.id(), "sleeper", 51, 3, "select pg_sleep(2)", "lost" + name, null);
        Response ran = d.call(d.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", pg.id(), "NodeId", "n_" + sleeper,
                "StartBizDate", "2026-01-01", "EndBizDate", "2026-01-01")));
        assertThat(ran.status()).as(ran.body().toString()).isEqualTo(200);
        Instance running = await(sleeper, i -> i.status() == InstanceStatus.RUNNING);

        // As if the node running it had died: its heartbeat is older than sluice.runner.node-lost-after.
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update sql_run set heartbeat_at = 0 where run_id = :run").param("run", running.runId()).update();
            assertThat(runner.failLostRuns()).isPositive();
        });
        Instance retried = await(sleeper, i -> i.attempt() == 2 && i.status() == InstanceStatus.SUCCESS);
        List<InstanceStore.Attempt> attempts = store.attempts(retried.id());
        assertThat(attempts).extracting(InstanceStore.Attempt::status).containsExactly(InstanceStatus.FAILED, InstanceStatus.SUCCESS);
        assertThat(attempts.get(0).message()).isEqualTo("the server node running it was lost; retried (lost attempt 1 of 3)");
        assertThat(attempts.get(1).startedAt()).as("after the lost run's record was final").isGreaterThanOrEqualTo(attempts.get(0).finishedAt());
        Thread.sleep(2500); // the lost statement ends here meanwhile: its run's record stays as the scheduler read it
        assertThat(runner.find(d.f.tenant(), running.runId()).orElseThrow()).satisfies(run -> {
            assertThat(run.state()).isEqualTo(dev.sluice.runner.RunState.FAILED);
            assertThat(run.nodeLost()).isTrue();
        });
        JsonNode log = d.call(d.f.owner, "GetPhysicalInstanceLog", "ProjectId", pg.id(), "InstanceId", retried.wireId()).body()
                .path("TaskrunLogList");
        assertThat(log.valueStream().map(a -> a.path("Status").asString()).toList()).containsExactly("FAILED", "SUCCESS");
        assertThat(log.get(0).path("LogContent").asString()).contains("was lost; retried");
    }

    private static void awaitSleeping(int expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Connection c = DriverManager.getConnection(SourceDatabases.postgresUrl());
                 ResultSet rs = c.createStatement().executeQuery("select count(*) from pg_stat_activity where query like '%pg_sleep(600.1917)%'"
                         + " and pid <> pg_backend_pid()")) {
                rs.next();
                if (rs.getInt(1) == expected) return;
            }
            assertThat(System.nanoTime()).as("pg_sleep sessions never reached %d", expected).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void twoDispatchersRacingStartEachInstanceOnce() throws Exception {
        long node = publish(project, "raced", 999, 3, "-- nothing", "race" + UUID.randomUUID(), null);
        SchedulerSettings manual = new SchedulerSettings(false, Duration.ofSeconds(1), 5, 1000);
        List<InstanceDispatcher> dispatchers = List.of(
                new InstanceDispatcher(store, objects, projects, runner, holds, transaction, manual, runnerSettings, clock),
                new InstanceDispatcher(store, objects, projects, runner, holds, transaction, manual, runnerSettings, clock));
        Response ran = d.call(d.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", project, "NodeId", "n_" + node,
                "StartBizDate", "2026-01-01", "EndBizDate", "2026-01-30")));
        assertThat(ran.status()).as(ran.body().toString()).isEqualTo(200);
        var pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> started = new ArrayList<>();
            for (InstanceDispatcher dispatcher : dispatchers) {
                // Both poll until every instance has ended (not a fixed number of rounds: on a loaded machine an
                // instance may still be waiting after them), racing for the same rows all along.
                Callable<Integer> loop = () -> {
                    go.await();
                    int total = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (System.nanoTime() < deadline
                            && !instances.ofNode(d.f.tenant(), node).stream().allMatch(i -> i.status() == InstanceStatus.SUCCESS)) {
                        total += dispatcher.poll();
                        Thread.sleep(20);
                    }
                    return total;
                };
                started.add(pool.submit(loop));
            }
            go.countDown();
            for (Future<Integer> f : started) f.get();
        } finally {
            pool.shutdownNow();
        }
        List<Instance> all = instances.ofNode(d.f.tenant(), node);
        assertThat(all).hasSize(30);
        await(node, i -> i.status() == InstanceStatus.SUCCESS);
        for (Instance i : instances.ofNode(d.f.tenant(), node)) {
            assertThat(i.status()).isEqualTo(InstanceStatus.SUCCESS);
            assertThat(store.attempts(i.id())).as("instance %s was started once", i.wireId()).hasSize(1);
        }
    }

    @Test
    void aPublishedCustomIntervalMakesItsInstancesEveryDayOfItsWindow() {
        Response created = d.call(d.f.owner, "CreateBatchTask", "CreateCommand", json(Map.of("Directory", "/", "Name", "custom",
                "Description", "custom", "ProjectId", project, "ScheduleType", 1, "TaskType", 999)));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Response submitted = d.call(d.f.owner, "SubmitBatchTask", "SubmitCommand", json(Map.of("ProjectId", project, "FileId", file,
                "Name", "custom", "Code", "-- nothing", "Comment", "publish", "NodeOutputNameList", List.of("custom" + UUID.randomUUID()),
                "CustomScheduleConfig", Map.of("StartTime", "08:00", "EndTime", "10:30", "Interval", 1, "IntervalUnit", "HOUR",
                        "SchedulePeriod", "HOURLY"))));
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);

        var zone = InstanceGeneratorCronTest.zone(d);
        Instant from = java.time.LocalDate.of(2030, 1, 15).atStartOfDay(zone).toInstant();
        var node = objects.find(d.f.tenant(), file).orElseThrow();
        assertThat(generator.generate(node, objects.production(node).orElseThrow(), from.minusMillis(1), from.plus(Duration.ofDays(2))))
                .isEqualTo(6);
        assertThat(instances.ofNode(d.f.tenant(), file).stream()
                .map(i -> Instant.ofEpochMilli(i.dueAt()).atZone(zone).toLocalDateTime() + " " + i.bizDate()).toList()).containsExactly(
                "2030-01-15T08:00 2030-01-14", "2030-01-15T09:00 2030-01-14", "2030-01-15T10:00 2030-01-14",
                "2030-01-16T08:00 2030-01-15", "2030-01-16T09:00 2030-01-15", "2030-01-16T10:00 2030-01-15");
    }

    @Test
    void membersReadOperatorsOperateAndBadInputIsNamed() {
        long node = publish(project, "guarded", 999, 3, "-- nothing", "g" + UUID.randomUUID(), null);
        Sub visitor = d.member("visitor", 3);
        Sub operator = d.member("operator", 5);

        Response byVisitor = d.call(visitor.client(), "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", project,
                "NodeId", "n_" + node, "StartBizDate", "2026-02-01", "EndBizDate", "2026-02-01")));
        assertThat(byVisitor.status()).isEqualTo(403);
        Response byOperator = d.call(operator.client(), "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", project,
                "NodeId", "n_" + node, "StartBizDate", "2026-02-01", "EndBizDate", "2026-02-01")));
        assertThat(byOperator.status()).as(byOperator.body().toString()).isEqualTo(200);
        Instance done = await(node, i -> i.status() == InstanceStatus.SUCCESS);

        Response list = d.call(visitor.client(), "ListInstances", "ListQuery", json(Map.of("ProjectId", project, "Page", 1, "PageSize", 5,
                "ScheduleType", "MANUAL")));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().path("PageResult").path("TotalCount").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(operate(visitor.client(), project, "RERUN", done.wireId()).status()).isEqualTo(403);
        assertThat(operate(operator.client(), project, "RERUN", done.wireId()).status()).isEqualTo(200);

        Response missing = d.call(d.f.owner, "GetPhysicalInstance", "ProjectId", project);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.message()).contains("InstanceId");
        Response badOperation = operate(d.f.owner, project, "EXPLODE", done.wireId());
        assertThat(badOperation.status()).isEqualTo(400);
        assertThat(badOperation.message()).contains("OperateCommand.Operation");
        Response badStatus = d.call(d.f.owner, "ListInstances", "ListQuery", json(Map.of("ProjectId", project, "Page", 1, "PageSize", 5,
                "ScheduleType", "NORMAL", "RunStatusList", List.of("SLEEPING"))));
        assertThat(badStatus.status()).isEqualTo(400);
        Response noDates = d.call(d.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", project, "NodeId", "n_" + node,
                "EndBizDate", "2026-02-01")));
        assertThat(noDates.message()).contains("ExecuteCommand.StartBizDate");
        Response badId = d.call(d.f.owner, "GetPhysicalInstance", "ProjectId", project, "InstanceId", "x_1");
        assertThat(badId.status()).isEqualTo(400);

        DevFixture other = DevFixture.create(port, admin, projects);
        for (Response foreign : List.of(
                other.call(other.f.owner, "GetPhysicalInstance", "ProjectId", other.project.id(), "InstanceId", done.wireId()),
                other.call(other.f.owner, "GetPhysicalInstanceLog", "ProjectId", other.project.id(), "InstanceId", done.wireId()),
                other.call(other.f.owner, "GetPhysicalInstance", "ProjectId", project, "InstanceId", done.wireId()),
                other.call(other.f.owner, "GetInstanceDownStream", "DownStreamDepth", 1, "InstanceGet", json(Map.of("InstanceId",
                        done.wireId(), "NodeType", "SCRIPT"))),
                other.call(other.f.owner, "GetInstanceUpDownStream", "ProjectId", project, "InstanceId", json(Map.of("Id", done.wireId()))),
                other.call(other.f.owner, "GetInstanceUpDownStream", "ProjectId", other.project.id(), "InstanceId",
                        json(Map.of("Id", done.wireId()))),
                other.call(other.f.owner, "ExecuteManualNode", "ExecuteCommand", json(Map.of("ProjectId", other.project.id(),
                        "NodeId", "n_" + node, "StartBizDate", "2026-02-01", "EndBizDate", "2026-02-01"))),
                other.call(other.f.owner, "OperateInstance", "OperateCommand", json(Map.of("ProjectId", other.project.id(),
                        "Operation", "RERUN", "InstanceIdList", List.of(Map.of("Id", done.wireId()))))))) {
            assertThat(foreign.status()).as(foreign.body().toString()).isEqualTo(404);
        }
    }
}
