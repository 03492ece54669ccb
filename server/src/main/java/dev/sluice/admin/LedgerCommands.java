package dev.sluice.admin;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import dev.sluice.metering.CsvWriter;
import dev.sluice.metering.RecordedCalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sluice admin ledger ...}: the per-call ledger, for audit. */
@Command(name = "ledger", description = "The per-call ledger: export calls as CSV.", mixinStandardHelpOptions = true)
final class LedgerCommands {

    private static final String[] HEADER = {"request_id", "account_id", "user_id", "access_key_id", "action", "level",
            "type", "called_at", "admitted", "billable", "outcome_code", "http_status", "latency_ms", "refused_by"};

    private final RecordedCalls calls;

    LedgerCommands(RecordedCalls calls) {
        this.calls = calls;
    }

    @Command(name = "export", description = "Every call of the days given (in sluice.zone), admitted and refused, as CSV.")
    int export(@Option(names = "--from", required = true, description = "first day, yyyy-MM-dd") LocalDate from,
               @Option(names = "--to", description = "last day, yyyy-MM-dd (default: the first)") LocalDate to,
               @Option(names = "--account", description = "only this account's calls") Long account,
               @Option(names = "--out", description = "file to write (default: standard output)") Path out) throws IOException {
        LocalDate last = to != null ? to : from;
        if (last.isBefore(from)) throw new IllegalArgumentException("--to " + last + " is before --from " + from);
        Writer target = out != null ? Files.newBufferedWriter(out, StandardCharsets.UTF_8)
                : new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
        long[] rows = {0};
        try (CsvWriter csv = new CsvWriter(target, HEADER)) {
            calls.forEach(from, last, account, call -> {
                csv.row(call.requestId(), call.accountId(), call.userId(), call.accessKeyId(), call.action(),
                        call.level(), call.type().name(), call.at(), call.admitted(), call.billable(),
                        call.outcomeCode(), call.httpStatus(), call.latencyMillis(), call.refusedBy());
                rows[0]++;
            });
        }
        if (out != null) System.err.println(rows[0] + " calls written to " + out);
        return 0;
    }
}
