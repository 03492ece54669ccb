package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.metering.CallRecord;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class JournaledLedgerTest {

    @TempDir
    Path journalDir;

    private JdbcTemplate jdbc;
    private LedgerStore store;

    @BeforeEach
    void database() {
        var dataSource = new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        store = new LedgerStore(jdbc, new TransactionTemplate(new DataSourceTransactionManager(dataSource)),
                ZoneId.of("Asia/Shanghai"));
    }

    private JournaledLedger ledger(int storeBatch, Duration storeInterval) {
        return new JournaledLedger(store, LedgerJournal.open(journalDir, 1 << 20, false), 64, storeBatch, storeInterval,
                10_000, new SimpleMeterRegistry());
    }

    @Test
    void answeredCallsAreReadableOnceStoredIsAwaited() throws Exception {
        JournaledLedger ledger = ledger(5000, Duration.ofHours(1)); // the copier would never run by itself
        try {
            commitAll(ledger, 0, 25);
            ledger.awaitStored();
            assertThat(rows()).isEqualTo(25);
            assertThat(usageCalls()).isEqualTo(25);
        } finally {
            ledger.destroy();
        }
    }

    @Test
    void callsOnlyInTheJournalWhenTheProcessDiedAreCopiedAtTheNextStartExactlyOnce() throws Exception {
        JournaledLedger first = ledger(5000, Duration.ofMillis(20));
        commitAll(first, 0, 10);
        first.awaitStored();
        first.destroy();
        // As if the next process died right after answering: appended to the journal, never copied.
        try (LedgerJournal journal = LedgerJournal.open(journalDir, 1 << 20, false)) {
            journal.replay(store.journalMark());
            journal.append(IntStream.range(10, 17).mapToObj(JournaledLedgerTest::call).toList());
        }
        assertThat(rows()).isEqualTo(10);

        JournaledLedger restarted = ledger(5000, Duration.ofMillis(20));
        assertThat(rows()).as("replayed before the first call is taken").isEqualTo(17);
        restarted.destroy();
        ledger(5000, Duration.ofMillis(20)).destroy();
        assertThat(rows()).as("nothing replayed twice").isEqualTo(17);
        assertThat(usageCalls()).isEqualTo(17);
    }

    @Test
    void copiesSmallerThanAnAppendNeverSplitItsMark() throws Exception {
        // Store batches of 3 while appends carry up to 64 records: the mark must still cover every row it commits.
        JournaledLedger ledger = ledger(3, Duration.ofMillis(5));
        commitAll(ledger, 0, 200);
        ledger.awaitStored();
        ledger.destroy();
        ledger(3, Duration.ofMillis(5)).destroy();
        assertThat(rows()).isEqualTo(200);
        assertThat(usageCalls()).isEqualTo(200);
    }

    /** Commits from concurrent callers, so that appends carry several records each. */
    private static void commitAll(JournaledLedger ledger, int from, int to) throws InterruptedException {
        List<Thread> callers = IntStream.range(from, to)
                .mapToObj(n -> Thread.ofVirtual().start(() -> ledger.commit(call(n)).join())).toList();
        for (Thread caller : callers) caller.join();
    }

    private static CallRecord call(int n) {
        return LedgerJournalTest.call(n);
    }

    private long rows() {
        return jdbc.queryForObject("select count(*) from call_ledger", Long.class);
    }

    private long usageCalls() {
        return jdbc.queryForObject("select coalesce(sum(calls), 0) from usage_daily", Long.class);
    }
}
