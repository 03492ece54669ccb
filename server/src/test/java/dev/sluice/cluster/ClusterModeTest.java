package dev.sluice.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

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
 * Three server processes on one PostgreSQL database and one Redis, with calls spread across them: limits hold
 * exactly for the cluster as a whole, every answered call is in the ledger once, and a node killed mid-load loses
 * nothing it answered.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterModeTest {

    static final String PLANS = """
            {"sluice":{"plans":{
              "capday":{"edition":"intelligent","qps":{"level1":100000,"level2":100000,"level3":100000},"daily":{"level12":300},
                        "monthly-free":1000000,"pay-as-you-go":false,"price-per-10k":0.05},
              "capmonth":{"edition":"intelligent","qps":{"total":100000},"monthly-free":300,"pay-as-you-go":false,"price-per-10k":0.05},
              "ratelevel":{"edition":"intelligent","qps":{"level1":10,"level2":5,"level3":2},"monthly-free":1000000,
                        "pay-as-you-go":true,"price-per-10k":0.05},
              "ratetype":{"edition":"intelligent","qps":{"read":8,"write":4},"monthly-free":1000000,"pay-as-you-go":true,"price-per-10k":0.05},
              "open":{"edition":"intelligent","qps":{"total":100000},"monthly-free":100000000,"pay-as-you-go":true,"price-per-10k":0.05}
            }}}""";

    @TempDir
    static Path dir;
    static TestPostgres postgres;
    static OwnRedis[] ownRedis = new OwnRedis[1];
    static Cluster cluster;
    static Map<String, TestAccount> accounts;
    static final String PREFIX = "test-" + System.nanoTime() + ":";
    static String redisUrl;

    @BeforeAll
    static void startCluster() throws Exception {
        postgres = TestPostgres.freshDatabase(dir);
        redisUrl = OwnRedis.sharedUrlOr(ownRedis);
        cluster = Cluster.start(3, dir, postgres.jdbcUrl(), redisUrl, PLANS,
                "--sluice.cluster.key-prefix=" + PREFIX, "--sluice.bootstrap.plan=open",
                "--sluice.ledger.commit-deadline=2s", "--sluice.ledger.statement-timeout=1s", "--sluice.sources.check-timeout=1s",
                "--sluice.cluster.settle=4s");
        try (var admin = Executors.newFixedThreadPool(3)) {
            var futures = List.of("capday", "capmonth", "ratelevel", "ratetype", "open").stream()
                    .map(plan -> CompletableFuture.supplyAsync(() -> create(plan), admin)).toList();
            accounts = futures.stream().map(CompletableFuture::join).collect(java.util.stream.Collectors.toMap(
                    a -> a.plan, a -> a.account));
        }
        // A new Redis answers 503 for the settle period (nothing may be in flight that it did not count): wait it out.
        TestAccount open = accounts.get("open");
        Load.awaitOk(cluster.clients(open), open.tenant(), Duration.ofSeconds(30));
    }

    private record Created(String plan, TestAccount account) {
    }

    private static Created create(String plan) {
        try {
            return new Created(plan, cluster.createAccount("cluster-" + plan, plan));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) cluster.close();
        if (postgres != null) postgres.close();
        if (redisUrl != null) OwnRedis.deleteKeys(redisUrl, PREFIX); // keys expire anyway; a shared Redis is left as found
        if (ownRedis[0] != null) ownRedis[0].close();
    }

    @Test
    @Order(1)
    void nodesStartingTogetherOnAnEmptyDatabaseBootstrapItOnce() throws Exception {
        long printedSecrets = cluster.nodes().stream()
                .filter(node -> node.printed().facts().containsKey("AccessKeySecret")).count();
        assertThat(printedSecrets).isEqualTo(1);
        try (Connection db = postgres.connect(); var rows = db.createStatement().executeQuery(
                "select count(*) from account where name = 'default'")) {
            rows.next();
            assertThat(rows.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    @Order(2)
    void aDailyCapOfNAdmitsExactlyNAcrossTheNodes() throws Exception {
        TestAccount account = accounts.get("capday");
        Load load = new Load(cluster.clients(account), account.tenant());
        load.closedLoop(24, Duration.ofSeconds(60), () -> load.count(429) >= 100);
        assertThat(load.okCount()).as(load.summary().toString()).isEqualTo(300);
        assertThat(load.summary()).containsOnlyKeys("200 ", "429 DailyLimitExceeded");
        assertLedgerHoldsExactlyTheAnsweredCalls(account, load);
    }

    @Test
    @Order(3)
    void aMonthlyFreeQuotaOfNAdmitsExactlyNAcrossTheNodes() throws Exception {
        TestAccount account = accounts.get("capmonth");
        Load load = new Load(cluster.clients(account), account.tenant());
        load.closedLoop(24, Duration.ofSeconds(60), () -> load.count(429) >= 100);
        assertThat(load.okCount()).as(load.summary().toString()).isEqualTo(300);
        assertThat(load.summary()).containsOnlyKeys("200 ", "429 QuotaExceeded.MonthlyFree");
        assertLedgerHoldsExactlyTheAnsweredCalls(account, load);
    }

    @Test
    @Order(4)
    void atTenTimesTheLimitAdmittedQpsStaysWithinTwoPercentOfIt() throws Exception {
        TestAccount byLevel = accounts.get("ratelevel");
        TestAccount byType = accounts.get("ratetype");
        Load levelLoad = new Load(cluster.clients(byLevel), byLevel.tenant());
        Load typeLoad = new Load(cluster.clients(byType), byType.tenant());
        Duration offered = Duration.ofSeconds(20);
        var levelRun = Thread.ofVirtual().start(() -> run(() -> levelLoad.paced(100, offered)));
        var typeRun = Thread.ofVirtual().start(() -> run(() -> typeLoad.paced(80, offered)));
        levelRun.join();
        typeRun.join();
        assertAdmittedRate(levelLoad, 10, "level 1 of ratelevel");
        assertAdmittedRate(typeLoad, 8, "reads of ratetype");
        assertLedgerHoldsExactlyTheAnsweredCalls(byLevel, levelLoad);
        assertLedgerHoldsExactlyTheAnsweredCalls(byType, typeLoad);
    }

    @Test
    @Order(5)
    void aNodeKilledMidLoadLosesNothingItAnswered() throws Exception {
        TestAccount account = accounts.get("open");
        Load load = new Load(cluster.clients(account), account.tenant());
        long start = System.nanoTime();
        Thread killer = Thread.ofVirtual().start(() -> run(() -> {
            Thread.sleep(3000);
            cluster.node(2).kill();
        }));
        load.closedLoop(12, Duration.ofSeconds(7), () -> false);
        killer.join();
        List<Load.Answer> answers = load.answers();
        assertThat(answers).filteredOn(a -> a.node() == 2 && a.ok()).as("the killed node answered before").isNotEmpty();
        assertThat(answers).filteredOn(a -> a.node() != 2 && a.ok() && a.sentNanos() > start + 4_000_000_000L)
                .as("the others carried on").isNotEmpty();
        Map<String, Integer> ledger;
        try (Connection db = postgres.connect()) {
            ledger = LedgerRows.admitted(db, account.id());
        }
        assertThat(ledger.keySet()).containsAll(load.answeredRequestIds());
        assertThat(ledger.values()).allMatch(rows -> rows == 1);
        assertThat(load.answers()).filteredOn(a -> a.node() != 2 && !a.ok()).as("survivors refused nothing").isEmpty();
    }

    static void assertAdmittedRate(Load load, int limit, String what) {
        List<Load.Answer> answers = load.answers();
        long first = answers.stream().mapToLong(Load.Answer::sentNanos).min().orElseThrow();
        long last = answers.stream().mapToLong(Load.Answer::sentNanos).max().orElseThrow();
        double seconds = (last - first) / 1e9;
        // The bucket starts full (one second of burst); after that it admits exactly its refill rate.
        double rate = (load.okCount() - limit) / seconds;
        assertThat(rate).as(what + ": admitted per second after the initial burst; " + load.summary())
                .isBetween(limit * 0.98, limit * 1.02);
        assertThat(load.summary().keySet()).as(what).containsOnly("200 ", "429 Throttling.User");
    }

    static void assertLedgerHoldsExactlyTheAnsweredCalls(TestAccount account, Load load) throws Exception {
        List<String> answered = load.answeredRequestIds();
        assertThat(answered).doesNotHaveDuplicates();
        Map<String, Integer> ledger;
        try (Connection db = postgres.connect()) {
            ledger = LedgerRows.admitted(db, account.id());
        }
        assertThat(ledger.values()).as("no call twice in the ledger").allMatch(rows -> rows == 1);
        assertThat(ledger.keySet()).as("2xx answers = the ledger's admitted calls").containsExactlyInAnyOrderElementsOf(answered);
    }

    interface Step {
        void run() throws Exception;
    }

    static void run(Step step) {
        try {
            step.run();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
