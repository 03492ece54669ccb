package dev.sluice.admin;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import dev.sluice.metering.CallRecord;
import dev.sluice.metering.RecordedCalls;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./sluice admin ledger ...}: the per-call ledger, for audit. */
@Command(name = "ledger", description = "The per-call ledger: export calls as CSV.", mixinStandardHelpOptions = true)
final class LedgerCommands {

    private static final String HEADER = "request_id,account_id,user_id,access_key_id,action,level,type,called_at,"
            + "admitted,billable,outcome_code,http_status,latency_ms,refused_by";

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
                : new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        long[] rows = {0};
        try (PrintWriter csv = new PrintWriter(target)) {
            csv.println(HEADER);
            calls.forEach(from, last, account, call -> {
                csv.println(row(call));
                rows[0]++;
            });
            if (csv.checkError()) throw new UncheckedIOException(new IOException("writing the export failed"));
        }
        if (out != null) System.err.println(rows[0] + " calls written to " + out);
        return 0;
    }

    private static String row(CallRecord c) {
        return String.join(",", c.requestId(), text(c.accountId()), text(c.userId()), quoted(c.accessKeyId()),
                c.action(), String.valueOf(c.level()), c.type().name(), c.at().toString(), String.valueOf(c.admitted()),
                String.valueOf(c.billable()), quoted(c.outcomeCode()), String.valueOf(c.httpStatus()),
                String.valueOf(c.latencyMillis()), quoted(c.refusedBy()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** RFC 4180: a field with a comma, quote or line break is quoted, inner quotes doubled. */
    private static String quoted(String value) {
        if (value == null) return "";
        if (value.chars().noneMatch(ch -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r')) return value;
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
