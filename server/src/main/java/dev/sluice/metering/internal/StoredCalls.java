package dev.sluice.metering.internal;

import java.nio.file.Path;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;
import dev.sluice.metering.RecordedCalls;

/** Calls from the {@code call_ledger} table, then from the ledger journal in {@code journalDir} if there is one. */
public final class StoredCalls implements RecordedCalls {

    private final JdbcTemplate jdbc;
    private final Path journalDir;
    private final ZoneId zone;

    public StoredCalls(JdbcTemplate jdbc, Path journalDir, ZoneId zone) {
        this.jdbc = jdbc;
        this.journalDir = journalDir;
        this.zone = zone;
    }

    @Override
    public void forEach(LocalDate from, LocalDate to, Long accountId, Consumer<CallRecord> action) {
        List<Object> args = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (accountId != null) args.add(accountId);
        jdbc.query("""
                select request_id, account_id, user_id, access_key_id, action, level, op_type, called_at, admitted,
                       billable, outcome_code, http_status, latency_ms, refused_by
                from call_ledger where call_day between ? and ?""" + (accountId != null ? " and account_id = ?" : "")
                + " order by called_at", (RowCallbackHandler) rs -> action.accept(new CallRecord(rs.getString(1),
                rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                OperationType.valueOf(rs.getString(7)), Instant.ofEpochMilli(rs.getLong(8)), rs.getBoolean(9),
                rs.getBoolean(10), rs.getString(11), rs.getInt(12), rs.getLong(13), rs.getString(14))), args.toArray());
        LedgerJournal.forEachRecord(journalDir, call -> {
            LocalDate day = LocalDate.ofInstant(call.at(), zone);
            if (day.isBefore(from) || day.isAfter(to)) return;
            if (accountId != null && !accountId.equals(call.accountId())) return;
            action.accept(call);
        });
    }
}
