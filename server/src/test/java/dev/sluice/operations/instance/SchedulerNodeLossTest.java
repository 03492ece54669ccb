package dev.sluice.operations.instance;

import static dev.sluice.develop.DevFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.testsupport.Cluster;
import dev.sluice.testsupport.Load;
import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TestPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on one PostgreSQL store, both dispatching: three published chains of three nodes whose SQL
 * sleeps a little on the managed compute (a schema of that PostgreSQL) become due together, and the process running
 * one of them is killed with {@code kill -9}. Its runs stop beating their heart; the other process fails them as "node
 * lost" and retries those instances. Every instance ends successful, no attempt of an instance overlaps another (the
 * next starts only once the runner's record of the previous run is final), chains keep their order, and nothing is left
 * running.
 */
class SchedulerNodeLossTest {

    private static final String FIRST_TENANT_ROLE = "sluice_compute_30000001";
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai"); // sluice.zone in application.yml
    private static final int CHAINS = 3;
    private static final int LENGTH = 3;

    /** A plan whose limits the test's calls never reach. */
    private static final String PLANS = """
            {"sluice":{"plans":{"open":{"edition":"intelligent","qps":{"total":100000},"monthly-free":100000000,
              "pay-as-you-go":true,"price-per-10k":0.05}}}}""";

    @TempDir
    Path dir;

    @Test
    void attemptsLostWithAKilledNodeAreRetriedByTheOtherAndNeverOverlap() throws Exception {
        long began = System.nanoTime();
        OwnRedis[] ownRedis = new OwnRedis[1];
        String prefix = "sched-kill-" + UUID.randomUUID() + ":";
        String redis = OwnRedis.sharedUrlOr(ownRedis);
        try (TestPostgres db = TestPostgres.freshDatabase(dir)) {
            dropRole();
            try (Cluster cluster = Cluster.start(2, dir, db.jdbcUrl(), redis, PLANS, "--sluice.bootstrap.plan=open", "--sluice.cluster.key-prefix=" + prefix,
                    "--sluice.cluster.settle=3s", "--sluice.sources.check-timeout=1s", "--sluice.ledger.commit-deadline=1s",
                    "--sluice.ledger.statement-timeout=1s", "--sluice.scheduler.poll-interval=200ms", "--sluice.scheduler.generate-every=1s",
                    "--sluice.runner.cancel-poll=200ms", "--sluice.runner.node-lost-after=2s");
                 Connection sql = db.connect()) {
                // The node that won the first-start bootstrap printed the account.
                ServerProcess.Printed facts = cluster.nodes().stream().map(ServerProcess::printed)
                        .filter(p -> p.facts().containsKey("AccessKeySecret")).findFirst().orElseThrow();
                String tenant = facts.facts().get("TenantId");
                long project = Long.parseLong(facts.facts().get("ProjectId"));
                List<RawClient> clients = cluster.nodes().stream().map(n -> new RawClient(n.port(), facts.facts().get("AccessKeyId"),
                        facts.facts().get("AccessKeySecret"))).toList();
                Load.awaitOk(clients, tenant, Duration.ofSeconds(60));
                System.out.printf("node-loss test: two nodes answering after %d s%n", (System.nanoTime() - began) / 1_000_000_000);

                // One due time for all, far enough ahead that generation (every second or so) has made the instances.
                ZonedDateTime due = ZonedDateTime.now(ZONE).plusSeconds(20).withNano(0);
                String cron = due.getSecond() + " " + due.getMinute() + " " + due.getHour() + " * * ?";
                String tag = "k" + UUID.randomUUID().toString().substring(0, 6);
                List<List<Long>> chains = new ArrayList<>();
                for (int c = 0; c < CHAINS; c++) {
                    List<Long> chain = new ArrayList<>();
                    for (int n = 0; n < LENGTH; n++) {
                        String upstream = n == 0 ? null : tag + ".c" + c + "n" + (n - 1);
                        chain.add(publish(clients.getFirst(), tenant, project, "c" + c + "n" + n, "select pg_sleep(1.5)",
                                tag + ".c" + c + "n" + n, upstream, cron));
                    }
                    chains.add(chain);
                }
                long dueAt = due.toInstant().toEpochMilli();
                await(Duration.ofSeconds(40), () -> count(sql, "select count(*) from sched_instance where due_at = " + dueAt
                        + " and status = 'RUNNING' and run_id is not null") > 0);

                String claimedBy = string(sql, "select claimed_by from sched_instance where due_at = " + dueAt
                        + " and status = 'RUNNING' and run_id is not null order by id");
                long pid = Long.parseLong(claimedBy.split("-")[1]);
                ServerProcess victim = cluster.nodes().stream().filter(n -> n.pid() == pid).findFirst().orElseThrow();
                ServerProcess survivor = cluster.nodes().stream().filter(n -> n != victim).findFirst().orElseThrow();
                victim.kill();
                System.out.printf("node-loss test: killed pid %d (%s) after %d s%n", pid, claimedBy, (System.nanoTime() - began) / 1_000_000_000);

                await(Duration.ofSeconds(45), () -> count(sql, "select count(*) from sched_instance where due_at = " + dueAt
                        + " and status in ('SUCCESS', 'FAILED')") == CHAINS * LENGTH);
                System.out.printf("node-loss test: every instance final after %d s%n", (System.nanoTime() - began) / 1_000_000_000);
                assertThat(count(sql, "select count(*) from sched_instance where due_at = " + dueAt + " and status = 'SUCCESS'"))
                        .as("every instance succeeded, a lost attempt retried").isEqualTo(CHAINS * LENGTH);
                assertThat(count(sql, "select count(*) from sched_instance where status in ('RUNNING', 'WAIT_RESOURCE')")).isZero();
                assertThat(count(sql, "select count(*) from sched_instance where due_at = " + dueAt + " and losses > 0"))
                        .as("instances whose attempt died with the killed node").isPositive();

                for (List<Long> chain : chains) {
                    long upstreamEnded = 0;
                    for (long node : chain) {
                        long id = count(sql, "select id from sched_instance where due_at = " + dueAt + " and object_id = " + node);
                        List<long[]> attempts = attempts(sql, id);
                        assertThat(attempts).isNotEmpty();
                        for (int i = 1; i < attempts.size(); i++) {
                            assertThat(attempts.get(i)[0]).as("instance %d: attempt %d starts after attempt %d ended (run too)", id, i + 1, i)
                                    .isGreaterThanOrEqualTo(attempts.get(i - 1)[1]).isGreaterThanOrEqualTo(attempts.get(i - 1)[3]);
                        }
                        assertThat(attempts.getFirst()[0]).as("a chain runs in order").isGreaterThanOrEqualTo(upstreamEnded);
                        upstreamEnded = attempts.getLast()[1];
                    }
                }

                long lost = count(sql, "select id from sched_instance where due_at = " + dueAt + " and losses > 0 order by id limit 1");
                RawClient onSurvivor = new RawClient(survivor.port(), facts.facts().get("AccessKeyId"), facts.facts().get("AccessKeySecret"));
                RawClient.Response log = onSurvivor.call("GetPhysicalInstanceLog").param("OpTenantId", tenant).param("ProjectId", project)
                        .param("InstanceId", "t_" + lost).send();
                assertThat(log.status()).as(log.body().toString()).isEqualTo(200);
                JsonNode list = log.body().path("TaskrunLogList");
                assertThat(list.size()).isGreaterThanOrEqualTo(2);
                assertThat(list.get(0).path("Status").asString()).isEqualTo("FAILED");
                assertThat(list.get(0).path("LogContent").asString()).contains("node lost", "the server node running it was lost; retried");
                assertThat(list.get(list.size() - 1).path("Status").asString()).isEqualTo("SUCCESS");
                survivor.stop();
            }
        } finally {
            dropRole();
            if (ownRedis[0] != null) ownRedis[0].close();
            else OwnRedis.deleteKeys(redis, prefix);
        }
    }

    private static long publish(RawClient client, String tenant, long project, String name, String code, String output, String upstream,
                                String cron) {
        RawClient.Response created = client.call("CreateBatchTask").param("OpTenantId", tenant).param("CreateCommand", json(Map.of(
                "Directory", "/", "Name", name, "Description", name, "ProjectId", project, "ScheduleType", 1, "TaskType", 51))).send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long file = created.body().path("CreateResult").path("FileId").asLong();
        Map<String, Object> command = new HashMap<>(Map.of("ProjectId", project, "FileId", file, "Name", name, "Code", code,
                "Comment", "publish", "NodeOutputNameList", List.of(output), "CronExpression", cron));
        if (upstream != null) command.put("UpStreamList", List.of(Map.of("SourceNodeOutputName", upstream, "PeriodDiff", 0, "DependStrategy", "ALL")));
        RawClient.Response submitted = client.call("SubmitBatchTask").param("OpTenantId", tenant).param("SubmitCommand", json(command)).send();
        assertThat(submitted.status()).as(submitted.body().toString()).isEqualTo(200);
        return file;
    }

    /** Each attempt as {started, finished, its run's creation, its run's end}. */
    private static List<long[]> attempts(Connection sql, long instanceId) throws SQLException {
        List<long[]> out = new ArrayList<>();
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery("select a.started_at, a.finished_at, r.created_at,"
                + " r.finished_at from sched_attempt a join sql_run r on r.run_id = a.run_id where a.instance_id = " + instanceId
                + " order by a.attempt")) {
            while (rs.next()) out.add(new long[]{rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)});
        }
        return out;
    }

    private static long count(Connection sql, String query) {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static String string(Connection sql, String query) throws SQLException {
        try (Statement s = sql.createStatement(); ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            return rs.getString(1);
        }
    }

    private static void await(Duration atMost, java.util.function.BooleanSupplier until) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!until.getAsBoolean()) {
            assertThat(System.nanoTime()).as("not within %s", atMost).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Roles are global to a PostgreSQL server: one left by an earlier test would be left alone by the first start. */
    private static void dropRole() {
        try (Connection admin = DriverManager.getConnection(System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres")); Statement s = admin.createStatement()) {
            s.execute("drop role if exists " + FIRST_TENANT_ROLE);
        } catch (SQLException stillOwnsSomethingOrNoSharedServer) {
            // a fresh database per test: a role still owning a schema elsewhere is the other test's to drop
        }
    }
}
