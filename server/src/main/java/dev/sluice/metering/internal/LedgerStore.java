package dev.sluice.metering.internal;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallIntents;
import dev.sluice.metering.CallRecord;

/**
 * Writes one batch of calls and the rollups they change in one transaction, so the ledger and the figures derived
 * from it can never disagree. Uses {@link JdbcTemplate#batchUpdate} rather than {@code JdbcClient}, which has no
 * batch statements: a batch is one round trip per statement, not one per call.
 */
public final class LedgerStore {

    private static final String INSERT_CALL = """
            insert into call_ledger (request_id, account_id, user_id, access_key_id, action, level, op_type, called_at,
                                     call_day, admitted, billable, outcome_code, http_status, latency_ms, refused_by)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;

    /**
     * PostgreSQL: a batch of calls and the rollups it changes in one statement, sent in one round trip and committed
     * by itself. The calls come as one array per column (always the same statement, so it is parsed once per
     * connection, whatever the batch size); the rollups are summed from what was inserted, in key order, so that nodes
     * adding to the same rows lock them in the same order.
     */
    private static final String INSERT_CALLS_WITH_ROLLUPS = """
            with calls as (
                insert into call_ledger (request_id, account_id, user_id, access_key_id, action, level, op_type, called_at,
                                         call_day, admitted, billable, outcome_code, http_status, latency_ms, refused_by)
                select * from unnest(?::varchar[], ?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::smallint[],
                                     ?::varchar[], ?::bigint[], ?::date[], ?::boolean[], ?::boolean[], ?::varchar[],
                                     ?::integer[], ?::bigint[], ?::varchar[])
                returning account_id, call_day, action, user_id, level, op_type, admitted, billable, outcome_code
            ), added_usage as (
                insert into usage_daily (account_id, call_day, action, user_id, level, op_type, calls, billable)
                select account_id, call_day, action, user_id, min(level), min(op_type), count(*), count(*) filter (where billable)
                from calls where admitted
                group by account_id, call_day, action, user_id
                order by account_id, call_day, action, user_id
                on conflict (account_id, call_day, action, user_id)
                do update set calls = usage_daily.calls + excluded.calls, billable = usage_daily.billable + excluded.billable
            )
            insert into refusal_daily (account_id, call_day, code, calls)
            select account_id, call_day, outcome_code, count(*) from calls where not admitted
            group by account_id, call_day, outcome_code
            order by account_id, call_day, outcome_code
            on conflict (account_id, call_day, code) do update set calls = refusal_daily.calls + excluded.calls
            """;

    /**
     * The same with the intents of the batch's writes deleted (see {@link CallIntents}): a write's intent goes in the very
     * statement that commits its record. Batches without writes (reads, the hot path) keep the statement above.
     */
    private static final String INSERT_CALLS_WITH_ROLLUPS_SETTLING_INTENTS =
            "with settled_intents as (delete from call_intent where request_id = any(?::varchar[])),\n"
                    + INSERT_CALLS_WITH_ROLLUPS.substring("with ".length());

    private static final String SELECT_INTENTS = """
            select request_id, account_id, user_id, access_key_id, action, level, op_type, called_at, billable, created_at
            from call_intent where created_at < ? order by request_id
            """;

    /** The element types of INSERT_CALLS_WITH_ROLLUPS's arrays, in its column order. */
    private static final String[] COLUMN_TYPES = {"varchar", "int8", "int8", "varchar", "varchar", "int2", "varchar", "int8",
            "date", "bool", "bool", "varchar", "int4", "int8", "varchar"};

    private record UsageKey(long accountId, LocalDate day, String action, long userId, int level, String type) {
    }

    private record RefusalKey(long accountId, LocalDate day, String code) {
    }

    /** Sorted keys: concurrent writers then lock rollup rows in the same order and cannot deadlock each other. */
    private static final Comparator<UsageKey> USAGE_ORDER = Comparator.comparingLong(UsageKey::accountId)
            .thenComparing(UsageKey::day).thenComparing(UsageKey::action).thenComparingLong(UsageKey::userId);
    private static final Comparator<RefusalKey> REFUSAL_ORDER = Comparator.comparingLong(RefusalKey::accountId)
            .thenComparing(RefusalKey::day).thenComparing(RefusalKey::code);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final SqlDialect dialect;
    private final ZoneId zone;

    public LedgerStore(JdbcTemplate jdbc, TransactionTemplate transactions, ZoneId zone) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.dialect = SqlDialect.of(jdbc.getDataSource());
        this.zone = zone;
    }

    /**
     * Writes the records that {@code stillWanted} accepts, asked once the transaction holds its connection (getting
     * one can take long while the database is away), and returns them. Records it rejects are not written.
     */
    public List<CallRecord> write(List<CallRecord> batch, Predicate<CallRecord> stillWanted) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return jdbc.execute((ConnectionCallback<List<CallRecord>>) connection -> {
                List<CallRecord> wanted = batch.stream().filter(stillWanted).toList();
                if (!wanted.isEmpty()) insertWithRollups(connection, wanted);
                return wanted;
            });
        }
        return transactions.execute(status -> {
            List<CallRecord> wanted = batch.stream().filter(stillWanted).toList();
            if (!wanted.isEmpty()) insert(wanted);
            return wanted;
        });
    }

    /**
     * Adds journaled records to the rollups and moves the journal mark to {@code mark} (when not null) in the same
     * transaction: replay then starts exactly after what the rollups hold, and counts nothing twice. The records
     * themselves stay in the journal, which is the embedded node's per-call ledger.
     */
    void writeJournaled(List<CallRecord> batch, LedgerJournal.Position mark) {
        transactions.executeWithoutResult(status -> {
            if (!batch.isEmpty()) addRollups(batch);
            deleteIntents(batch);
            if (mark != null) {
                jdbc.update("update ledger_journal_mark set segment = ?, journal_offset = ? where id = 1", mark.segment(), mark.offset());
            }
        });
    }

    /** How far the journal has been copied into the database. */
    LedgerJournal.Position journalMark() {
        List<LedgerJournal.Position> marks = jdbc.query("select segment, journal_offset from ledger_journal_mark where id = 1",
                (rs, row) -> new LedgerJournal.Position(rs.getLong(1), rs.getLong(2)));
        return marks.isEmpty() ? LedgerJournal.Position.START : marks.getFirst();
    }

    /**
     * One statement instead of a transaction of a multi-row insert (which the driver splits into several statements
     * of different shapes), a rollup upsert and a commit: one round trip to PostgreSQL per batch instead of five.
     */
    private void insertWithRollups(Connection connection, List<CallRecord> batch) throws SQLException {
        if (!connection.getAutoCommit()) throw new IllegalStateException("the ledger's statement commits by itself");
        int n = batch.size();
        Object[][] columns = new Object[COLUMN_TYPES.length][n];
        for (int i = 0; i < n; i++) {
            CallRecord call = batch.get(i);
            columns[0][i] = call.requestId();
            columns[1][i] = call.accountId();
            columns[2][i] = call.userId();
            columns[3][i] = call.accessKeyId();
            columns[4][i] = call.action();
            columns[5][i] = (short) call.level();
            columns[6][i] = call.type().name();
            columns[7][i] = call.at().toEpochMilli();
            columns[8][i] = Date.valueOf(LocalDate.ofInstant(call.at(), zone));
            columns[9][i] = call.admitted();
            columns[10][i] = call.billable();
            columns[11][i] = call.outcomeCode();
            columns[12][i] = call.httpStatus();
            columns[13][i] = call.latencyMillis();
            columns[14][i] = call.refusedBy();
        }
        List<String> writes = writes(batch);
        boolean settling = !writes.isEmpty();
        try (PreparedStatement statement = connection.prepareStatement(settling ? INSERT_CALLS_WITH_ROLLUPS_SETTLING_INTENTS : INSERT_CALLS_WITH_ROLLUPS)) {
            statement.setQueryTimeout(Math.max(1, transactions.getTimeout()));
            int first = 1;
            if (settling) statement.setArray(first++, connection.createArrayOf("varchar", writes.toArray()));
            for (int c = 0; c < columns.length; c++) statement.setArray(c + first, connection.createArrayOf(COLUMN_TYPES[c], columns[c]));
            statement.executeUpdate();
        }
    }

    private void insert(List<CallRecord> batch) {
        List<Object[]> calls = new ArrayList<>(batch.size());
        for (CallRecord call : batch) {
            calls.add(new Object[] {call.requestId(), call.accountId(), call.userId(), call.accessKeyId(), call.action(),
                    call.level(), call.type().name(), call.at().toEpochMilli(), Date.valueOf(LocalDate.ofInstant(call.at(), zone)),
                    call.admitted(), call.billable(), call.outcomeCode(), call.httpStatus(), call.latencyMillis(), call.refusedBy()});
        }
        jdbc.batchUpdate(INSERT_CALL, calls);
        addRollups(batch);
        deleteIntents(batch);
    }

    /** The request ids of the batch's admitted writes: the calls that may have left an intent. */
    private static List<String> writes(List<CallRecord> batch) {
        List<String> writes = new ArrayList<>();
        for (CallRecord call : batch) if (call.admitted() && call.type() == OperationType.WRITE) writes.add(call.requestId());
        return writes;
    }

    private void deleteIntents(List<CallRecord> batch) {
        List<String> writes = writes(batch);
        if (!writes.isEmpty()) jdbc.batchUpdate("delete from call_intent where request_id = ?", writes.stream().map(id -> new Object[] {id}).toList());
    }

    /**
     * The intents written before {@code cutoff} (epoch millis) as the ledger records they stand for. For the embedded
     * ledger, which journals them and deletes them when it adds them to the rollups.
     */
    List<CallRecord> intentsBefore(long cutoff) {
        return jdbc.query(SELECT_INTENTS, (rs, row) -> recovered(rs), cutoff);
    }

    /**
     * Turns the intents written before {@code cutoff} into ledger records, with their rollups, and deletes them, in one
     * transaction; skips those {@code awaitingRecord} says this node may still commit. Rows locked by another node's
     * sweep are skipped (PostgreSQL) or waited for, so no intent is recovered twice. Returns how many were recovered.
     */
    int recoverIntents(long cutoff, Predicate<String> awaitingRecord) {
        Integer recovered = transactions.execute(status -> {
            String select = SELECT_INTENTS + (dialect == SqlDialect.POSTGRESQL ? " for update skip locked" : " for update");
            List<CallRecord> found = jdbc.query(select, (rs, row) -> recovered(rs), cutoff);
            List<CallRecord> orphans = new ArrayList<>();
            List<Object[]> recordedAlready = new ArrayList<>();
            for (CallRecord intent : found) {
                if (awaitingRecord.test(intent.requestId())) continue;
                // Never expected (the record's own statement deletes its intent), but a second row would fail the batch.
                Long recorded = jdbc.queryForObject("select count(*) from call_ledger where request_id = ?", Long.class, intent.requestId());
                if (recorded == null || recorded == 0) orphans.add(intent);
                else recordedAlready.add(new Object[] {intent.requestId()});
            }
            if (!orphans.isEmpty()) insert(orphans); // deletes their intents too
            if (!recordedAlready.isEmpty()) jdbc.batchUpdate("delete from call_intent where request_id = ?", recordedAlready);
            return orphans.size();
        });
        return recovered == null ? 0 : recovered;
    }

    private static CallRecord recovered(ResultSet rs) throws SQLException {
        long calledAt = rs.getLong("called_at");
        return new CallRecord(rs.getString("request_id"), rs.getLong("account_id"), rs.getLong("user_id"),
                rs.getString("access_key_id"), rs.getString("action"), rs.getInt("level"), OperationType.valueOf(rs.getString("op_type")),
                Instant.ofEpochMilli(calledAt), true, rs.getBoolean("billable"), CallIntents.RECOVERED, 200,
                Math.max(0, rs.getLong("created_at") - calledAt), null);
    }

    private void addRollups(List<CallRecord> batch) {
        Map<UsageKey, long[]> usage = new TreeMap<>(USAGE_ORDER);
        Map<RefusalKey, long[]> refusals = new TreeMap<>(REFUSAL_ORDER);
        for (CallRecord call : batch) {
            LocalDate day = LocalDate.ofInstant(call.at(), zone);
            if (call.admitted()) {
                long[] sums = usage.computeIfAbsent(new UsageKey(call.accountId(), day, call.action(), call.userId(),
                        call.level(), call.type().name()), key -> new long[2]);
                sums[0]++;
                if (call.billable()) sums[1]++;
            } else {
                refusals.computeIfAbsent(new RefusalKey(call.accountId(), day, call.outcomeCode()), key -> new long[1])[0]++;
            }
        }
        List<Object[]> usageRows = usage.entrySet().stream().map(e -> new Object[] {e.getKey().accountId(),
                Date.valueOf(e.getKey().day()), e.getKey().action(), e.getKey().userId(), e.getKey().level(),
                e.getKey().type(), e.getValue()[0], e.getValue()[1]}).toList();
        List<Object[]> refusalRows = refusals.entrySet().stream().map(e -> new Object[] {e.getKey().accountId(),
                Date.valueOf(e.getKey().day()), e.getKey().code(), e.getValue()[0]}).toList();
        if (!usageRows.isEmpty()) dialect.addUsage(jdbc, usageRows);
        if (!refusalRows.isEmpty()) dialect.addRefusals(jdbc, refusalRows);
    }
}
