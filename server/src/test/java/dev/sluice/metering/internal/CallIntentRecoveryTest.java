package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallIntents;
import dev.sluice.metering.CallRecord;
import dev.sluice.testsupport.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The crash window between a write's commit and its ledger record, simulated: the write's transaction commits its
 * intent, and the ledger record is never committed (the node died, or its ledger refused it). Recovery makes exactly
 * one ledger record of each such write, on H2 with the journal (embedded) and on PostgreSQL (cluster), and never a
 * second one for a write whose own record made it.
 */
class CallIntentRecoveryTest {

    private static final Instant AT = Instant.parse("2026-12-02T04:00:00Z");

    @TempDir
    Path dir;

    private JdbcTemplate jdbc;
    private TransactionTemplate transactions;
    private LedgerStore store;

    private void database(DataSource dataSource) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.setTimeout(3);
        store = new LedgerStore(jdbc, transactions, java.time.ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void embeddedWritesCommittedWithoutTheirRecordAreJournaledOnceAtTheNextStart() throws Exception {
        database(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        CallIntents intents = new CallIntents(jdbc, Clock.systemUTC());
        Path journalDir = dir.resolve("journal");
        JournaledLedger first = journaled(journalDir, intents, Duration.ofHours(1));
        for (int n = 0; n < 5; n++) { // answered: change, intent, record
            writeIntent(intents, n);
            intents.committed(id(n));
            first.commit(answered(n)).join();
            intents.settled(id(n));
        }
        for (int n = 5; n < 9; n++) writeIntent(intents, n); // the process died before journaling their records
        first.awaitStored();
        first.destroy();
        // The process died after journaling these two, before the copier took them: replay has them, intent and all.
        for (int n = 9; n < 11; n++) writeIntent(intents, n);
        try (LedgerJournal journal = LedgerJournal.open(journalDir, 1 << 20, false)) {
            journal.replay(store.journalMark());
            journal.append(List.of(answered(9), answered(10)));
        }
        assertThat(intentRows()).isEqualTo(6);

        journaled(journalDir, intents, Duration.ofHours(1)).destroy();
        Map<String, CallRecord> ledger = journal(journalDir);
        assertThat(ledger).hasSize(11);
        assertThat(IntStream.range(5, 9).mapToObj(n -> ledger.get(id(n)))).allSatisfy(recovered -> {
            assertThat(recovered.outcomeCode()).isEqualTo(CallIntents.RECOVERED);
            assertThat(recovered.httpStatus()).isEqualTo(200);
            assertThat(recovered.admitted()).isTrue();
            assertThat(recovered.at()).isEqualTo(AT);
        });
        assertThat(ledger.get(id(9)).outcomeCode()).as("its own record, not a recovered one").isEqualTo("OK");
        assertThat(intentRows()).isZero();
        assertThat(usageCalls()).isEqualTo(11);

        journaled(journalDir, intents, Duration.ofHours(1)).destroy();
        assertThat(journal(journalDir)).hasSize(11);
        assertThat(usageCalls()).as("nothing recovered twice").isEqualTo(11);
    }

    @Test
    void embeddedWriteWhoseRecordWasRefusedIsRecoveredWhileRunningButNotWhileOnItsWay() throws Exception {
        database(new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"));
        CallIntents intents = new CallIntents(jdbc, Clock.systemUTC());
        Path journalDir = dir.resolve("journal");
        JournaledLedger ledger = new JournaledLedger(store, LedgerJournal.open(journalDir, 1 << 20, false), 64, 5000,
                Duration.ofMillis(10), 10_000, Duration.ZERO, 1_000, 5_000, new SimpleMeterRegistry(), intents, Duration.ZERO, Duration.ofMillis(20));
        try {
            writeIntent(intents, 1);
            intents.committed(id(1)); // still waiting for its record
            writeIntent(intents, 2);
            intents.committed(id(2));
            intents.settled(id(2)); // its ledger commit failed: the caller got 503, the change stands
            awaitNoIntent(id(2));
            Thread.sleep(200);
            assertThat(intentRows()).as("the call on its way keeps its intent").isEqualTo(1);
            ledger.commit(answered(1)).join();
            intents.settled(id(1));
            ledger.awaitStored();
            Thread.sleep(200);
            assertThat(journal(journalDir)).containsOnlyKeys(id(1), id(2));
            assertThat(journal(journalDir).get(id(1)).outcomeCode()).isEqualTo("OK");
            assertThat(journal(journalDir).get(id(2)).outcomeCode()).isEqualTo(CallIntents.RECOVERED);
            assertThat(usageCalls()).isEqualTo(2);
        } finally {
            ledger.destroy();
        }
    }

    @Test
    void clusterIntentsPastTheGraceAreRecordedOnceWhateverNumberOfNodesSweep() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshDatabase(dir)) {
            database(new DriverManagerDataSource(postgres.jdbcUrl()));
            // Written by a node that died five minutes ago, before its ledger batch committed.
            CallIntents deadNode = new CallIntents(jdbc, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-5)));
            for (int n = 0; n < 20; n++) writeIntent(deadNode, n);
            CallIntents live = new CallIntents(jdbc, Clock.systemUTC());
            writeIntent(live, 20); // young: another node may still commit its record
            writeIntent(live, 21);
            live.committed(id(21));

            List<GroupCommitLedger> nodes = List.of(clusterNode(live), clusterNode(live), clusterNode(live));
            try {
                nodes.getFirst().commit(answered(21)).join(); // its own statement deletes its intent
                live.settled(id(21));
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (intentRows() > 1 && System.nanoTime() < until) Thread.sleep(20);
            } finally {
                for (GroupCommitLedger node : nodes) node.destroy();
            }
            assertThat(jdbc.queryForList("select request_id from call_intent", String.class)).containsExactly(id(20));
            assertThat(jdbc.queryForObject("select count(*) from call_ledger", Long.class)).isEqualTo(21);
            assertThat(jdbc.queryForObject("select count(*) from call_ledger where outcome_code = ? and http_status = 200",
                    Long.class, CallIntents.RECOVERED)).isEqualTo(20);
            assertThat(usageCalls()).isEqualTo(21);
        }
    }

    private GroupCommitLedger clusterNode(CallIntents intents) {
        return new GroupCommitLedger(store, 100, 64, Duration.ofSeconds(2), Duration.ZERO, 1_000, 5_000, new SimpleMeterRegistry(), intents,
                Duration.ofSeconds(30), Duration.ofMillis(10));
    }

    private JournaledLedger journaled(Path journalDir, CallIntents intents, Duration sweep) {
        return new JournaledLedger(store, LedgerJournal.open(journalDir, 1 << 20, false), 64, 5000, Duration.ofMillis(10), 10_000,
                Duration.ZERO, 1_000, 5_000, new SimpleMeterRegistry(), intents, Duration.ofMinutes(1), sweep);
    }

    /** The write's own transaction: its change (here none) and its intent. */
    private void writeIntent(CallIntents intents, int n) {
        transactions.executeWithoutResult(status -> intents.write(answered(n)));
    }

    private static String id(int n) {
        return "write-" + n;
    }

    private static CallRecord answered(int n) {
        return new CallRecord(id(n), 7L, 8L, "LTAI-" + n, "CreateUserGroup", 2, OperationType.WRITE, AT, true, true, "OK", 200, 3, null);
    }

    private void awaitNoIntent(String requestId) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (jdbc.queryForObject("select count(*) from call_intent where request_id = ?", Long.class, requestId) > 0) {
            assertThat(System.nanoTime()).as("intent " + requestId + " recovered in time").isLessThan(until);
            Thread.sleep(20);
        }
    }

    private static Map<String, CallRecord> journal(Path journalDir) {
        Map<String, CallRecord> records = new HashMap<>();
        LedgerJournal.forEachRecord(journalDir, call -> assertThat(records.put(call.requestId(), call))
                .as("one record per call: " + call.requestId()).isNull());
        return records;
    }

    private long intentRows() {
        return jdbc.queryForObject("select count(*) from call_intent", Long.class);
    }

    private long usageCalls() {
        return jdbc.queryForObject("select coalesce(sum(calls), 0) from usage_daily", Long.class);
    }
}
