package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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
                ZONE);
    }

    private JournaledLedger ledger(int storeBatch, Duration storeInterval) {
        return new JournaledLedger(store, LedgerJournal.open(journalDir, 1 << 20, false), 64, storeBatch, storeInterval,
                10_000, Duration.ZERO, new SimpleMeterRegistry());
    }

    @Test
    void answeredCallsAreCountedOnceStoredIsAwaitedAndStayInTheJournal() throws Exception {
        JournaledLedger ledger = ledger(5000, Duration.ofHours(1)); // the copier would never run by itself
        try {
            commitAll(ledger, 0, 25);
            ledger.awaitStored();
            assertThat(journaled()).isEqualTo(25);
            assertThat(usageCalls()).isEqualTo(25);
            assertThat(jdbc.queryForObject("select count(*) from call_ledger", Long.class))
                    .as("the journal is the per-call ledger: no second copy").isZero();
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
        assertThat(usageCalls()).isEqualTo(10);

        JournaledLedger restarted = ledger(5000, Duration.ofMillis(20));
        assertThat(usageCalls()).as("replayed before the first call is taken").isEqualTo(17);
        restarted.destroy();
        ledger(5000, Duration.ofMillis(20)).destroy();
        assertThat(usageCalls()).as("nothing replayed twice").isEqualTo(17);
        assertThat(journaled()).isEqualTo(17);
    }

    @Test
    void copiesSmallerThanAnAppendNeverSplitItsMark() throws Exception {
        // Store batches of 3 while appends carry up to 64 records: the mark must still cover every row it commits.
        JournaledLedger ledger = ledger(3, Duration.ofMillis(5));
        commitAll(ledger, 0, 200);
        ledger.awaitStored();
        ledger.destroy();
        ledger(3, Duration.ofMillis(5)).destroy();
        assertThat(journaled()).isEqualTo(200);
        assertThat(usageCalls()).isEqualTo(200);
    }

    @Test
    void refusalsAreJournaledWithoutAnyoneWaitingAndCountedByCode() throws Exception {
        JournaledLedger ledger = ledger(5000, Duration.ofHours(1));
        try {
            for (int n = 0; n < 5; n++) ledger.refused(refusal(n));
            ledger.awaitStored();
            assertThat(jdbc.queryForObject("select sum(calls) from refusal_daily where code = 'Throttling.User'", Long.class))
                    .isEqualTo(5);
            assertThat(journaled()).isEqualTo(5);
            assertThat(usageCalls()).as("refusals never count as usage").isZero();
        } finally {
            ledger.destroy();
        }
    }

    @Test
    void theRecordedCallsOfADayAreReadBackFromTheJournal() throws Exception {
        JournaledLedger ledger = ledger(5000, Duration.ofMillis(20));
        try {
            commitAll(ledger, 0, 3);
            ledger.refused(refusal(9));
            ledger.awaitStored();
            StoredCalls calls = new StoredCalls(jdbc, journalDir, ZONE);
            List<CallRecord> read = new ArrayList<>();
            LocalDate day = LocalDate.ofInstant(call(0).at(), ZONE);
            calls.forEach(day, day, null, read::add);
            assertThat(read).extracting(CallRecord::requestId).containsExactlyInAnyOrder("req-0", "req-1", "req-2", "refused-9");
            read.clear();
            calls.forEach(day.plusDays(1), day.plusDays(1), null, read::add);
            assertThat(read).isEmpty();
        } finally {
            ledger.destroy();
        }
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

    private static CallRecord refusal(int n) {
        CallRecord call = call(n);
        return new CallRecord("refused-" + n, call.accountId(), call.userId(), call.accessKeyId(), call.action(),
                call.level(), call.type(), call.at(), false, false, "Throttling.User", 429, 0, "CountedAdmission");
    }

    private long journaled() {
        long[] count = {0};
        LedgerJournal.forEachRecord(journalDir, call -> count[0]++);
        return count[0];
    }

    private long usageCalls() {
        return jdbc.queryForObject("select coalesce(sum(calls), 0) from usage_daily", Long.class);
    }
}
