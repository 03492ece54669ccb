package dev.sluice.metering;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The one way Sluice writes CSV (the ledger export, the console's call details). RFC 4180 through Commons CSV: CRLF
 * line ends, a field with a comma, quote or line break is quoted with inner quotes doubled, null is an empty field.
 * Spreadsheet-safe as well: a text cell that starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a
 * carriage return gets a leading {@code '}, so a spreadsheet shows it instead of evaluating it (OWASP "CSV
 * injection"). Numbers and booleans are never text, so a negative count stays a number.
 *
 * <p>Lives in {@code metering} because what Sluice exports as CSV is metering's data, and every module that writes
 * CSV already depends on metering.
 */
public final class CsvWriter implements Closeable {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final CSVPrinter printer;

    /** Writes the header line at once. */
    public CsvWriter(Appendable out, String... header) {
        try {
            this.printer = new CSVPrinter(out, FORMAT);
            printer.printRecord((Object[]) header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line; each cell is a {@link Number} or {@link Boolean} (written as is) or text (anything else, via {@code toString}). */
    public void row(Object... cells) {
        try {
            printer.printRecord(Arrays.stream(cells).map(CsvWriter::cell));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object cell(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) return value;
        String text = value.toString();
        return isFormula(text) ? "'" + text : text;
    }

    private static boolean isFormula(String text) {
        if (text.isEmpty()) return false;
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
