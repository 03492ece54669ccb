package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;
import dev.sluice.testsupport.TestPostgres;

/**
 * The cluster's ledger writes on PostgreSQL: a batch of calls and the rollups it changes in one statement, which
 * commits all of it or, on any failure (a request id seen before), none of it.
 */
class PostgresLedgerStoreTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Instant NOON = Instant.parse("2026-12-02T04:00:00Z"); // 12:00 in Shanghai

    @TempDir
    static Path scratch;
    static TestPostgres postgres;
    static JdbcTemplate jdbc;
    static LedgerStore store;

    @BeforeAll
    static void database() throws Exception {
        postgres = TestPostgres.freshDatabase(scratch);
        var dataSource = new DriverManagerDataSource(postgres.jdbcUrl());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        TransactionTemplate transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        transactions.setTimeout(3);
        store = new LedgerStore(jdbc, transactions, SHANGHAI);
    }

    @AfterAll
    static void drop() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void empty() {
        jdbc.update("delete from call_ledger");
        jdbc.update("delete from usage_daily");
        jdbc.update("delete from refusal_daily");
    }

    @Test
    void aBatchAddsItsCallsAndTheirRollups() {
        store.write(List.of(admitted("ListProjects", 7, false), admitted("ListProjects", 7, true), admitted("GetProject", 8, false),
                refused("Throttling.Api"), refused("Throttling.Api"), refused("Quota.Exceeded")), call -> true);
        store.write(List.of(admitted("ListProjects", 7, true), refused("Throttling.Api")), call -> true);

        assertThat(jdbc.queryForObject("select count(*) from call_ledger", Long.class)).isEqualTo(8);
        assertThat(jdbc.queryForList("select action, user_id, calls, billable, level, op_type, call_day from usage_daily order by action"))
                .containsExactly(
                        Map.of("action", "GetProject", "user_id", 8L, "calls", 1L, "billable", 0L, "level", 1,
                                "op_type", "READ", "call_day", Date.valueOf("2026-12-02")),
                        Map.of("action", "ListProjects", "user_id", 7L, "calls", 3L, "billable", 2L, "level", 1,
                                "op_type", "READ", "call_day", Date.valueOf("2026-12-02")));
        assertThat(jdbc.queryForList("select code, calls from refusal_daily order by code")).containsExactly(
                Map.of("code", "Quota.Exceeded", "calls", 1L), Map.of("code", "Throttling.Api", "calls", 3L));
        Map<String, Object> row = jdbc.queryForMap("select * from call_ledger where action = 'GetProject'");
        assertThat(row).containsEntry("account_id", 1001L).containsEntry("access_key_id", "LTAI1")
                .containsEntry("called_at", NOON.toEpochMilli()).containsEntry("http_status", 200)
                .containsEntry("latency_ms", 4L).containsEntry("admitted", true);
        assertThat(jdbc.queryForObject("select count(*) from call_ledger where refused_by = 'throttle'", Long.class)).isEqualTo(3);
    }

    @Test
    void aRequestIdSeenBeforeFailsTheWholeBatchAndAddsNothing() {
        CallRecord first = admitted("ListProjects", 7, false);
        store.write(List.of(first), call -> true);
        assertThatThrownBy(() -> store.write(List.of(admitted("ListProjects", 7, false), first), call -> true))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("select count(*) from call_ledger", Long.class)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select calls from usage_daily", Long.class)).isEqualTo(1);
    }

    @Test
    void callsNoLongerWantedAreNotWritten() {
        CallRecord late = admitted("ListProjects", 7, false);
        List<CallRecord> written = store.write(List.of(admitted("ListProjects", 7, false), late), call -> call != late);
        assertThat(written).hasSize(1).doesNotContain(late);
        assertThat(jdbc.queryForObject("select count(*) from call_ledger where request_id = ?", Long.class, late.requestId())).isZero();
        assertThat(jdbc.queryForObject("select calls from usage_daily", Long.class)).isEqualTo(1);
    }

    static CallRecord admitted(String action, long user, boolean billable) {
        return new CallRecord(UUID.randomUUID().toString(), 1001L, user, "LTAI1", action, 1, OperationType.READ, NOON, true,
                billable, "OK", 200, 4, null);
    }

    static CallRecord refused(String code) {
        return new CallRecord(UUID.randomUUID().toString(), 1001L, 7L, "LTAI1", "ListProjects", 1, OperationType.READ, NOON,
                false, false, code, 429, 0, code.startsWith("Quota") ? "monthly-quota" : "throttle");
    }
}
