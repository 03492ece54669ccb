package dev.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.testsupport.Cluster;
import dev.sluice.testsupport.Cluster.TestAccount;
import dev.sluice.testsupport.LedgerRows;
import dev.sluice.testsupport.Load;
import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.TestPostgres;

/**
 * A three-node cluster on a Redis and a PostgreSQL of the test's own, restarted under load: counted calls are refused
 * with 503 while either is away, nothing is over-admitted, nothing answered is lost, and the nodes recover by
 * themselves.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFaultsTest {

    static final String PLANS = """
            {"sluice":{"plans":{
              "faultday":{"edition":"intelligent","qps":{"level1":100000,"level2":100000,"level3":100000},"daily":{"level12":400},
                        "monthly-free":1000000,"pay-as-you-go":false,"price-per-10k":0.05},
              "open":{"edition":"intelligent","qps":{"total":100000},"monthly-free":100000000,"pay-as-you-go":true,"price-per-10k":0.05}
            }}}""";

    @TempDir
    static Path dir;
    static TestPostgres postgres;
    static OwnRedis redis;
    static Cluster cluster;
    static TestAccount capped;
    static TestAccount open;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = TestPostgres.own(dir);
        redis = OwnRedis.start();
        cluster = Cluster.start(3, dir, postgres.jdbcUrl(), redis.url(), PLANS, "--sluice.bootstrap.plan=open",
                "--sluice.ledger.commit-deadline=2s", "--sluice.ledger.statement-timeout=1s", "--sluice.sources.check-timeout=1s",
                "--sluice.cluster.settle=4s",
                "--spring.datasource.hikari.connection-timeout=1000");
        capped = cluster.createAccount("faults-day", "faultday");
        open = cluster.createAccount("faults-open", "open");
        Load.awaitOk(cluster.clients(open), open.tenant(), Duration.ofSeconds(30));
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) cluster.close();
        if (postgres != null) postgres.close();
        if (redis != null) redis.close();
    }

    @Test
    @Order(1)
    void redisRestartedMidLoadOverAdmitsNothingAndTheNodesRecoverByThemselves() throws Exception {
        Load load = new Load(cluster.clients(capped), capped.tenant());
        long[] restartedAt = new long[1];
        Thread restarter = Thread.ofVirtual().start(() -> ClusterModeTest.run(() -> {
            while (load.okCount() < 150) Thread.sleep(10);
            redis.stop();
            Thread.sleep(1000);
            redis.restart(); // empty: it kept nothing, as a crashed cache would
            restartedAt[0] = System.nanoTime();
        }));
        load.closedLoop(12, Duration.ofSeconds(60), () -> load.count(429) >= 50);
        restarter.join();

        assertThat(load.okCount()).as("daily cap 400 across the restart: " + load.summary()).isEqualTo(400);
        assertThat(load.summary().keySet()).contains("503 ServiceUnavailable")
                .isSubsetOf(Set.of("200 ", "429 DailyLimitExceeded", "503 ServiceUnavailable"));
        assertThat(load.answers()).filteredOn(a -> a.ok() && a.sentNanos() > restartedAt[0])
                .as("admitted again after the restart, no node restarted").isNotEmpty();
        assertLedgerHoldsExactlyTheAnsweredCalls(capped, load);
    }

    @Test
    @Order(2)
    void postgresRestartedMidLoadRefusesWith503LosesNothingAndRecovers() throws Exception {
        Load load = new Load(cluster.clients(open), open.tenant());
        long[] backAt = new long[1];
        Thread restarter = Thread.ofVirtual().start(() -> ClusterModeTest.run(() -> {
            Thread.sleep(3000);
            postgres.stop();
            Thread.sleep(4000);
            postgres.startAgain();
            backAt[0] = System.nanoTime();
        }));
        load.closedLoop(12, Duration.ofSeconds(60), () -> backAt[0] != 0 && System.nanoTime() - backAt[0] > 8_000_000_000L);
        restarter.join();

        assertThat(load.summary().keySet()).as("refused calls are 503").contains("503 ServiceUnavailable")
                .isSubsetOf(Set.of("200 ", "503 ServiceUnavailable"));
        List<Load.Answer> afterwards = load.answers().stream().filter(a -> a.sentNanos() > backAt[0] + 5_000_000_000L).toList();
        assertThat(afterwards).as("recovered without a restart").isNotEmpty().allMatch(Load.Answer::ok);
        assertLedgerHoldsExactlyTheAnsweredCalls(open, load);
    }

    static void assertLedgerHoldsExactlyTheAnsweredCalls(TestAccount account, Load load) throws Exception {
        Map<String, Integer> ledger;
        try (Connection db = postgres.connect()) {
            ledger = LedgerRows.admitted(db, account.id());
        }
        assertThat(ledger.values()).as("no call twice in the ledger").allMatch(rows -> rows == 1);
        assertThat(ledger.keySet()).as("every answered call is in the ledger").containsAll(load.answeredRequestIds());
        assertThat(ledger.size()).as("and the ledger holds no call that was not answered (beyond the readiness probe)")
                .isBetween(load.answeredRequestIds().size(), load.answeredRequestIds().size() + 3);
    }
}
