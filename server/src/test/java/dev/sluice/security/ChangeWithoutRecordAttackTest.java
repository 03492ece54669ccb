package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.metering.internal.LedgerJournal;
import dev.sluice.testsupport.Load;
import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TestPostgres;

/**
 * Issue #15 item 12: a node killed between an operation's commit and its ledger record left a change that was neither
 * billed nor auditable. Here the window is held open (the node's ledger refuses every record, as a ledger batch that
 * never commits would) while callers create user groups, and the node is killed with {@code kill -9} mid-load. After
 * a restart every created group must have exactly one admitted 2xx {@code CreateUserGroup} in the ledger; a plain kill
 * under load must keep the same count. Embedded (journal) and cluster (PostgreSQL) mode.
 */
class ChangeWithoutRecordAttackTest {

    static final String PLANS = """
            {"sluice":{"plans":{"open":{"edition":"intelligent","qps":{"total":100000},"monthly-free":100000000,
              "pay-as-you-go":true,"price-per-10k":0.05}}}}""";

    @TempDir
    Path dir;

    @Test
    void embeddedWritesCommittedWhileTheLedgerRefusedTheirRecordsAreLedgeredAfterAKill() throws Exception {
        Path dataDir = dir.resolve("node");
        Map<String, String> env = Map.of("SPRING_APPLICATION_JSON", PLANS);
        Map<String, String> facts;
        AtomicInteger answered = new AtomicInteger();
        // max-unstored=0: the journal refuses every record, so each admitted write commits and is answered 503.
        try (ServerProcess node = ServerProcess.start(dataDir, env, "--sluice.bootstrap.plan=open", "--sluice.ledger.max-unstored=0")) {
            facts = node.printed().facts();
            createGroupsThenKill(node, facts, answered, 40);
        }
        assertThat(answered.get()).as("the ledger refused to record, so no write was answered").isZero();
        // Then a healthy node killed under the same load: the window between commit and journal is short, but there.
        try (ServerProcess node = ServerProcess.start(dataDir, env)) {
            createGroupsThenKill(node, facts, answered, 60);
        }

        try (ServerProcess restarted = ServerProcess.start(dataDir, env)) {
            RawClient client = new RawClient(restarted.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
            long groups = groupCount(client, facts.get("TenantId"));
            assertThat(groups).as("groups created before the kills").isGreaterThanOrEqualTo(10 + answered.get());
            assertThat(ledgeredCreates(dataDir)).as("one 2xx CreateUserGroup in the ledger per created group").isEqualTo(groups);
        }
    }

    @Test
    void clusterWritesWhoseLedgerBatchNeverCommittedAreLedgeredAfterTheNodeIsKilled() throws Exception {
        OwnRedis[] ownRedis = new OwnRedis[1];
        String prefix = "sluice-it12-" + UUID.randomUUID() + ":";
        String redisUrl = OwnRedis.sharedUrlOr(ownRedis);
        try (TestPostgres postgres = TestPostgres.freshDatabase(dir)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Map<String, String> env = new HashMap<>(Map.of("SLUICE_DB_URL", postgres.jdbcUrl(), "SLUICE_REDIS_URL", redisUrl,
                    "SLUICE_MASTER_KEY", Base64.getEncoder().encodeToString(key), "SPRING_APPLICATION_JSON", PLANS));
            List<String> common = List.of("--sluice.cluster.key-prefix=" + prefix, "--sluice.sources.check-timeout=1s",
                    "--sluice.cluster.settle=3s", "--sluice.ledger.statement-timeout=1s", "--sluice.ledger.intent-grace=5s",
                    "--sluice.ledger.intent-sweep=200ms");
            Map<String, String> facts;
            AtomicInteger answered = new AtomicInteger();
            // A commit deadline of a nanosecond: every record is past it before its batch starts, so none is committed
            // and each admitted write is answered 503 after its change committed.
            List<String> broken = new ArrayList<>(common);
            broken.addAll(List.of("--sluice.bootstrap.plan=open", "--sluice.ledger.commit-deadline=1ns"));
            try (ServerProcess node = ServerProcess.start(dir.resolve("node-a"), env, broken.toArray(String[]::new))) {
                facts = node.printed().facts();
                Thread.sleep(3500); // the new Redis's settle period: counted calls are refused before any change
                createGroupsThenKill(node, facts, answered, 40);
            }
            assertThat(answered.get()).isZero();

            List<String> healthy = new ArrayList<>(common);
            healthy.add("--sluice.ledger.commit-deadline=1s");
            try (ServerProcess other = ServerProcess.start(dir.resolve("node-b"), env, healthy.toArray(String[]::new));
                 Connection db = postgres.connect()) {
                RawClient client = new RawClient(other.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
                Load.awaitOk(List.of(client), facts.get("TenantId"), Duration.ofSeconds(30));
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (count(db, "select count(*) from call_intent") > 0 && System.nanoTime() < until) Thread.sleep(100);
                long groups = count(db, "select count(*) from user_group");
                assertThat(groups).as("groups created before the kill").isGreaterThanOrEqualTo(10);
                assertThat(count(db, "select count(*) from call_ledger where action = 'CreateUserGroup' and admitted"
                        + " and http_status between 200 and 299")).as("one 2xx CreateUserGroup in the ledger per created group")
                        .isEqualTo(groups);
            }
        } finally {
            if (ownRedis[0] != null) ownRedis[0].close();
            else OwnRedis.deleteKeys(redisUrl, prefix);
        }
    }

    /**
     * Eight callers create groups until at least {@code attempts} admitted writes were sent (answered or not), then
     * the node is killed while they are still sending.
     */
    private static void createGroupsThenKill(ServerProcess node, Map<String, String> facts, AtomicInteger answered, int attempts)
            throws Exception {
        RawClient client = new RawClient(node.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
        String tenant = facts.get("TenantId");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    try {
                        String name = "g-" + UUID.randomUUID();
                        RawClient.Response response = client.call("CreateUserGroup").param("OpTenantId", tenant)
                                .param("CreateCommand", "{\"Name\":\"" + name + "\"}").send();
                        if (response.status() == 200) answered.incrementAndGet();
                        if (response.status() != 503 || !"ServiceUnavailable".equals(response.code()) || response.message().contains("metered")) {
                            sent.incrementAndGet();
                        }
                    } catch (RuntimeException connectionLost) {
                        return;
                    }
                }
            }));
        }
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (sent.get() < attempts && System.nanoTime() < until) Thread.sleep(10);
        node.kill();
        running.set(false);
        for (Thread caller : callers) caller.join(Duration.ofSeconds(30));
    }

    private static long groupCount(RawClient client, String tenant) {
        RawClient.Response list = client.call("ListUserGroups").param("OpTenantId", tenant)
                .param("ListQuery", "{\"PageNo\":1,\"PageSize\":10}").send();
        assertThat(list.status()).as(list.body().toString()).isEqualTo(200);
        return list.body().get("PageResult").get("TotalCount").asLong();
    }

    private static long ledgeredCreates(Path dataDir) {
        long[] creates = {0};
        LedgerJournal.forEachRecord(dataDir.resolve("ledger-journal"), call -> {
            if (call.admitted() && call.action().equals("CreateUserGroup") && call.httpStatus() / 100 == 2) creates[0]++;
        });
        return creates[0];
    }

    private static long count(Connection db, String sql) throws Exception {
        try (var statement = db.createStatement(); var result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }
}
