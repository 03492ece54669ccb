package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;
import dev.sluice.testsupport.TestPostgres;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * The cluster's ledger while PostgreSQL is slow (a lock holds its writer): one key flooding refusals takes only its
 * share of the queue, so other accounts' admitted calls still queue, and other keys' refusals are still written.
 */
class GroupCommitLedgerRefusalsTest {

    static final Instant NOON = Instant.parse("2026-12-02T04:00:00Z");

    @TempDir
    Path scratch;

    @Test
    void aKeyFloodingRefusalsWhileTheDatabaseIsSlowTakesOnlyItsShareOfTheQueue() throws Exception {
        try (TestPostgres postgres = TestPostgres.freshDatabase(scratch)) {
            var dataSource = new DriverManagerDataSource(postgres.jdbcUrl());
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            transactions.setTimeout(10);
            LedgerStore store = new LedgerStore(jdbc, transactions, ZoneId.of("Asia/Shanghai"));
            SimpleMeterRegistry registry = new SimpleMeterRegistry();
            GroupCommitLedger ledger = new GroupCommitLedger(store, 50, 512, Duration.ofSeconds(30), Duration.ofMillis(1),
                    10, 20, registry);
            try (Connection slow = postgres.connect()) {
                slow.setAutoCommit(false);
                slow.createStatement().execute("lock table refusal_daily in access exclusive mode");
                ledger.refused(refusal(1001L, "LTAIflood")); // the writer takes it and waits for the lock
                Thread.sleep(500);
                for (int i = 0; i < 1_000; i++) ledger.refused(refusal(1001L, "LTAIflood"));
                ledger.refused(refusal(2002L, "LTAIother"));
                CompletableFuture<Void> admitted = ledger.commit(admitted(3003L, "LTAIthird")); // would throw with a full queue
                assertThat(registry.counter("sluice.ledger.refusals.dropped").count()).isGreaterThanOrEqualTo(1_000 - 10);
                slow.rollback();
                admitted.get(20, TimeUnit.SECONDS);
            }
            ledger.refused(refusal(1001L, "LTAIflood"));
            for (int i = 0; i < 100 && refusals(jdbc, 1001L) < 11; i++) Thread.sleep(100);
            assertThat(refusals(jdbc, 2002L)).as("the other key's refusal is written").isEqualTo(1);
            // Its share of ten counts the one being written: that one, nine queued, and one sent afterwards.
            assertThat(refusals(jdbc, 1001L)).as("the flooding key's share, and one after").isEqualTo(11);
            ledger.destroy();
        }
    }

    private static long refusals(JdbcTemplate jdbc, long accountId) {
        Long calls = jdbc.queryForObject("select sum(calls) from refusal_daily where account_id = ?", Long.class, accountId);
        return calls == null ? 0 : calls;
    }

    private static CallRecord refusal(long accountId, String accessKeyId) {
        return new CallRecord(UUID.randomUUID().toString(), accountId, 7L, accessKeyId, "ListProjects", 1, OperationType.READ, NOON,
                false, false, "Throttling.User", 429, 0, "CountedAdmission");
    }

    private static CallRecord admitted(long accountId, String accessKeyId) {
        return new CallRecord(UUID.randomUUID().toString(), accountId, 7L, accessKeyId, "ListProjects", 1, OperationType.READ, NOON,
                true, false, "OK", 200, 4, null);
    }
}
