package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.dispatch.DisplayTime;
import dev.sluice.protocol.PopException;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.SourceDatabases;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runner against real engines: DuckDB in process, the machine's PostgreSQL and MariaDB. Each test uses sources of
 * its own (the context allows one running run per source, see {@link RunnerServerTest}).
 */
@RunnerServerTest
class SqlRunnerTest {

    private static final AtomicLong SOURCES = new AtomicLong(ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    SqlRunner runner;

    @Autowired
    RunnerTestEngines.Registry engines;

    @Autowired
    RunnerTestEngines.Gate gate;

    @Autowired
    RunStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisplayTime time;

    final long tenant = ThreadLocalRandom.current().nextLong(1L << 40, 1L << 41);

    RunContext on(Target target) {
        long source = SOURCES.incrementAndGet();
        engines.compute(source, target);
        return new RunContext(tenant, 7, source, "DEV", engines.projectCompute(tenant, source, "DEV", "ProjectId"));
    }

    static Target duckdb() {
        return new Target(Engine.Dialect.DUCKDB, "DUCKDB", "jdbc:duckdb:");
    }

    static Target postgres() {
        return new Target(Engine.Dialect.POSTGRESQL, "POSTGRE_SQL", SourceDatabases.postgresUrl());
    }

    static Target mariadb() {
        return new Target(Engine.Dialect.MYSQL, "MARIADB", SourceDatabases.mariadbUrl());
    }

    String start(RunContext context, String script) {
        return start(context, script, Map.of(), Duration.ofMinutes(5));
    }

    String start(RunContext context, String script, Map<String, String> params, Duration timeout) {
        return runner.start(new RunRequest(context, "SQL", script, params, timeout, null));
    }

    RunView run(String id) {
        return runner.find(tenant, id).orElseThrow();
    }

    RunView awaitFinal(String id) {
        await(Duration.ofSeconds(60), () -> run(id).state().isFinal());
        return run(id);
    }

    static void await(Duration limit, BooleanSupplier condition) {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + limit);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    String fullLog(RunView run, int subTask) {
        return runner.log(run, subTask, 0, "SubTaskId", "Offset").content();
    }

    JsonNode result(String id, int subTask) {
        return JSON.readTree(runner.result(run(id), subTask, "SubTaskId").orElseThrow());
    }

    @Test
    void statementsRunInOrderOnOneConnectionWithResultsAsJson() {
        String id = start(on(duckdb()), """
                create table r2_t (i integer, s varchar, d date, b blob, x decimal(10,2), f double, n integer);
                insert into r2_t values (1, 'one;1', date '2024-02-29', '\\xAA\\xBB'::blob, 12.50, 0.5, null), (2, 'two', null, null, null, null, 3);
                select * from r2_t order by i;
                """);
        assertThat(id).matches("SQL_7_\\d{13}\\d{6}");
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.SUCCESS);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state).containsOnly(RunState.SUCCESS);
        assertThat(done.subTasks()).extracting(RunView.SubTask::hasResult).containsExactly(false, false, true);
        assertThat(fullLog(done, 1)).contains("insert into r2_t", "2 rows affected", "SUCCESS in");
        assertThat(fullLog(done, 2)).contains("2 rows returned");

        JsonNode result = result(id, 2);
        assertThat(result.get("columns").get(0).get("name").asString()).isEqualTo("i");
        assertThat(result.get("columns").get(0).get("type").asString()).isEqualTo("INTEGER");
        JsonNode first = result.get("rows").get(0);
        assertThat(first.get(0).isNumber()).isTrue();
        assertThat(first.get(1).asString()).isEqualTo("one;1");
        assertThat(first.get(2).asString()).isEqualTo("2024-02-29");
        assertThat(first.get(3).asString()).isEqualTo("qrs=");
        assertThat(first.get(4).decimalValue()).isEqualByComparingTo("12.50");
        assertThat(first.get(5).doubleValue()).isEqualTo(0.5);
        assertThat(first.get(6).isNull()).isTrue();
        assertThat(result.get("truncated").asBoolean()).isFalse();
        assertThat(runner.result(done, 0, "SubTaskId")).isEmpty();
    }

    @Test
    void aResultKeepsAtMostTheConfiguredRows() {
        String id = start(on(duckdb()), "select range as n from range(120)");
        awaitFinal(id);
        JsonNode result = result(id, 0);
        assertThat(result.get("rows")).hasSize(50);
        assertThat(result.get("truncated").asBoolean()).isTrue();
        assertThat(fullLog(run(id), 0)).contains("50 rows returned (the result is cut");
    }

    @Test
    void aFailedStatementFailsTheRunAndCancelsTheRest() {
        String id = start(on(duckdb()), "select 1; select * from r2_no_such_table; select 3; select 4");
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.FAILED);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state)
                .containsExactly(RunState.SUCCESS, RunState.FAILED, RunState.CANCELLED, RunState.CANCELLED);
        assertThat(fullLog(done, 1)).contains("FAILED after", "r2_no_such_table", "the remaining 2 statements are cancelled");
        assertThat(fullLog(done, 2)).contains("CANCELLED: not run: statement 2 ended FAILED");
    }

    @Test
    void theGateRefusesAStatementAndNothingFurtherRuns() {
        gate.forbid("r2_secret");
        String id = start(on(duckdb()), "create table r2_open (a int); create table r2_secret (a int); insert into r2_open values (1)");
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.FAILED);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state)
                .containsExactly(RunState.SUCCESS, RunState.FAILED, RunState.CANCELLED);
        assertThat(fullLog(done, 1)).contains("refused by the permission check: Forbidden.TablePermission", "r2_secret");
    }

    @Test
    void parametersAndTheBusinessDateAreFilledIn() {
        String id = start(on(duckdb()), "select '${bizdate}' as d, ${n} + 1 as n", Map.of("n", "41"), Duration.ofMinutes(1));
        awaitFinal(id);
        JsonNode row = result(id, 0).get("rows").get(0);
        String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).format(DateTimeFormatter.BASIC_ISO_DATE);
        assertThat(row.get(0).asString()).isEqualTo(yesterday);
        assertThat(row.get(1).asInt()).isEqualTo(42);

        assertThatThrownBy(() -> start(on(duckdb()), "select ${nope}")).isInstanceOfSatisfying(PopException.class,
                e -> assertThat(e.error().message()).contains("params", "nope"));
    }

    @Test
    void emptyAndOverlongScriptsAreRefused() {
        RunContext context = on(duckdb());
        assertThatThrownBy(() -> start(context, "  ")).isInstanceOfSatisfying(PopException.class,
                e -> assertThat(e.error().code()).isEqualTo("MissingParameter"));
        assertThatThrownBy(() -> start(context, "-- nothing;")).isInstanceOfSatisfying(PopException.class,
                e -> assertThat(e.error().code()).isEqualTo("InvalidParameter"));
        assertThatThrownBy(() -> start(context, "select 1;".repeat(101))).isInstanceOfSatisfying(PopException.class,
                e -> assertThat(e.error().message()).contains("101 statements", "at most 100"));
        assertThat(runner.find(tenant, "SQL_7_1")).isEmpty();
    }

    @Test
    void aSecondRunOnTheSourceWaitsUntilTheFirstEnds() {
        RunContext context = on(duckdb());
        String first = start(context, "select count(*) from range(100000000000) a");
        await(Duration.ofSeconds(10), () -> run(first).state() == RunState.RUNNING);
        String second = start(context, "select 2");
        await(Duration.ofSeconds(10), () -> fullLog(run(second), 0).contains("WAIT_RESOURCE"));
        assertThat(run(second).state()).isEqualTo(RunState.WAIT_RESOURCE);
        assertThat(run(second).subTasks().getFirst().state()).isEqualTo(RunState.WAIT_RESOURCE);

        runner.stop(run(first));
        assertThat(awaitFinal(first).state()).isEqualTo(RunState.CANCELLED);
        assertThat(awaitFinal(second).state()).isEqualTo(RunState.SUCCESS);
    }

    @Test
    void aWaitingRunStoppedNeverStarts() {
        RunContext context = on(duckdb());
        String first = start(context, "select count(*) from range(100000000000) a");
        await(Duration.ofSeconds(10), () -> run(first).state() == RunState.RUNNING);
        String waiting = start(context, "create table r2_never (a int); select 1");
        assertThat(runner.stop(run(waiting))).isTrue();
        RunView stopped = awaitFinal(waiting);
        assertThat(stopped.state()).isEqualTo(RunState.CANCELLED);
        assertThat(stopped.startedAt()).isZero();
        assertThat(stopped.subTasks()).extracting(RunView.SubTask::state).containsOnly(RunState.CANCELLED);
        assertThat(fullLog(stopped, 0)).contains("before it started");
        runner.stop(run(first));
        awaitFinal(first);
        // Stopping a run that has ended changes nothing.
        assertThat(runner.stop(run(first))).isFalse();
        assertThat(run(first).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void aRunPastItsTimeoutFails() {
        String id = start(on(duckdb()), "select count(*) from range(100000000000) a; select 2", Map.of(), Duration.ofSeconds(2));
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.FAILED);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state).containsExactly(RunState.FAILED, RunState.CANCELLED);
        assertThat(fullLog(done, 0)).contains("exceeded its timeout of PT2S");
    }

    @Test
    void theLogPagesWhileTheStatementRuns() {
        String id = start(on(duckdb()), "select count(*) from range(100000000000) a");
        await(Duration.ofSeconds(10), () -> run(id).subTasks().getFirst().state() == RunState.RUNNING);
        LogPage page = runner.log(run(id), 0, 0, "SubTaskId", "Offset");
        assertThat(page.content()).contains("statement 1 of 1", "range(100000000000)");
        assertThat(page.hasNext()).isTrue();
        assertThat(page.subTaskState()).isEqualTo(RunState.RUNNING);
        LogPage empty = runner.log(run(id), 0, page.nextOffset(), "SubTaskId", "Offset");
        assertThat(empty.content()).isEmpty();
        assertThat(empty.hasNext()).isTrue();

        runner.stop(run(id));
        awaitFinal(id);
        LogPage rest = runner.log(run(id), 0, page.nextOffset(), "SubTaskId", "Offset");
        assertThat(rest.content()).contains("CANCELLED: stopped by a user");
        assertThat(rest.hasNext()).isFalse();
        assertThat(rest.nextOffset()).isEqualTo(page.nextOffset() + rest.content().length());
        assertThatThrownBy(() -> runner.log(run(id), 1, 0, "SubTaskId", "Offset")).isInstanceOfSatisfying(PopException.class,
                e -> assertThat(e.error().message()).contains("SubTaskId"));
    }

    @Test
    void stopCancelsPostgresOnTheDatabase() throws Exception {
        String marker = "r2_" + UUID.randomUUID().toString().replace("-", "");
        String id = start(on(postgres()), "select 1; select pg_sleep(600) as " + marker + "; select 3");
        await(Duration.ofSeconds(20), () -> activeOnPostgres(marker) == 1);
        long t0 = System.nanoTime();
        runner.stop(run(id));
        await(Duration.ofSeconds(5), () -> activeOnPostgres(marker) == 0);
        System.out.printf("PostgreSQL statement gone %d ms after stop (same node)%n", (System.nanoTime() - t0) / 1_000_000);
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.CANCELLED);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state)
                .containsExactly(RunState.SUCCESS, RunState.CANCELLED, RunState.CANCELLED);
    }

    @Test
    void aStopRequestedOnAnotherNodeReachesTheRunningNode() throws Exception {
        String marker = "r2_" + UUID.randomUUID().toString().replace("-", "");
        String id = start(on(postgres()), "select pg_sleep(600) as " + marker);
        await(Duration.ofSeconds(20), () -> activeOnPostgres(marker) == 1);
        long t0 = System.nanoTime();
        // What another node's stop does: only the database row, which this node polls.
        assertThat(store.requestCancel(tenant, id)).isTrue();
        await(Duration.ofSeconds(5), () -> activeOnPostgres(marker) == 0);
        System.out.printf("PostgreSQL statement gone %d ms after a stop stored by another node%n", (System.nanoTime() - t0) / 1_000_000);
        assertThat(awaitFinal(id).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void stopKillsTheQueryOnMariadb() throws Exception {
        String marker = "r2_" + UUID.randomUUID().toString().replace("-", "");
        String id = start(on(mariadb()), "select sleep(600) as " + marker + "; select 2");
        await(Duration.ofSeconds(20), () -> activeOnMariadb(marker) == 1);
        runner.stop(run(id));
        await(Duration.ofSeconds(5), () -> activeOnMariadb(marker) == 0);
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.CANCELLED);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state).containsExactly(RunState.CANCELLED, RunState.CANCELLED);
    }

    @Test
    void stopInterruptsALongDuckdbQuery() {
        String id = start(on(duckdb()), "select count(*) from range(1000000) a, range(1000000) b where a.range + b.range = 7");
        await(Duration.ofSeconds(10), () -> run(id).state() == RunState.RUNNING);
        runner.stop(run(id));
        await(Duration.ofSeconds(5), () -> run(id).state().isFinal());
        assertThat(run(id).state()).isEqualTo(RunState.CANCELLED);
    }

    @Test
    void runsOfADeadNodeFailAsNodeLostAndOldRunsGo() {
        long old = System.currentTimeMillis() - Duration.ofDays(30).toMillis();
        String lost = "SQL_7_" + old + "000001";
        String finished = "SQL_7_" + old + "000002";
        for (String id : new String[] {lost, finished}) {
            jdbc.sql("""
                            insert into sql_run (run_id, tenant_id, user_id, project_id, env, source_kind, source_id, dialect, state,
                                                 subtask_count, node_id, cancel_requested, created_at, started_at, finished_at, heartbeat_at)
                            values (?, ?, 7, null, 'DEV', 'COMPUTE', 1, 'DUCKDB', ?, 1, 'node-gone', false, ?, ?, 0, ?)""")
                    .params(id, tenant, id.equals(lost) ? "RUNNING" : "SUCCESS", old, old, old).update();
            jdbc.sql("insert into sql_run_subtask (run_id, subtask_id, state, statement, log, has_result, started_at, finished_at) "
                    + "values (?, 0, ?, 'select 1', '', false, 0, 0)").params(id, id.equals(lost) ? "RUNNING" : "SUCCESS").update();
        }
        long now = System.currentTimeMillis();
        assertThat(store.failLostRuns(now - 60_000, now, "FAILED: node lost\n")).isGreaterThanOrEqualTo(1);
        assertThat(run(lost).state()).isEqualTo(RunState.FAILED);
        assertThat(fullLog(run(lost), 0)).contains("node lost");

        assertThat(store.deleteFinishedBefore(now - Duration.ofDays(7).toMillis())).isGreaterThanOrEqualTo(2);
        assertThat(runner.find(tenant, lost)).isEmpty();
        assertThat(runner.find(tenant, finished)).isEmpty();
    }

    @Test
    void aSourceThatCannotBeReachedFailsTheFirstStatementAndCancelsTheRest() {
        Target closed = new Target(Engine.Dialect.POSTGRESQL, "POSTGRE_SQL", "jdbc:postgresql://127.0.0.1:" + SourceDatabases.closedPort()
                + "/r2?user=r2&password=hunter2&connectTimeout=2");
        String id = start(on(closed), "select 1; select 2");
        RunView done = awaitFinal(id);
        assertThat(done.state()).isEqualTo(RunState.FAILED);
        assertThat(done.subTasks()).extracting(RunView.SubTask::state).containsExactly(RunState.FAILED, RunState.CANCELLED);
        assertThat(fullLog(done, 0)).contains("FAILED: could not reach compute source").doesNotContain("hunter2");
    }

    @Test
    void anotherTenantSeesNoRun() {
        String id = start(on(duckdb()), "select 1");
        awaitFinal(id);
        assertThat(runner.find(tenant + 1, id)).isEmpty();
    }

    private static int activeOnPostgres(String marker) {
        return count(SourceDatabases.postgresUrl(), "select count(*) from pg_stat_activity where state = 'active' and query like '%"
                + marker + "%' and pid <> pg_backend_pid()");
    }

    private static int activeOnMariadb(String marker) {
        return count(SourceDatabases.mariadbUrl(), "select count(*) from information_schema.processlist where info like '%"
                + marker + "%' and id <> connection_id()");
    }

    private static int count(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
