package dev.sluice.metering;

import java.time.LocalDate;
import java.util.function.Consumer;

/**
 * The per-call ledger, read back for audit and export: every call on record, admitted or refused. An embedded node
 * keeps it in its ledger journal (and, from before the journal, in the {@code call_ledger} table); a cluster keeps
 * it in {@code call_ledger} on PostgreSQL. Readers need not know which.
 */
public interface RecordedCalls {

    /** The calls of the days {@code from} to {@code to} (inclusive, in {@code sluice.zone}), of one account or all. */
    void forEach(LocalDate from, LocalDate to, Long accountId, Consumer<CallRecord> action);
}
