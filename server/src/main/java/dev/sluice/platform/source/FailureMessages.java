package dev.sluice.platform.source;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a driver's error may tell the caller of a failed check. The rule: one line, and nothing an engine inside this
 * process may have read from a file. DuckDB and H2 files run in this JVM, and their errors quote the text they choke on
 * (a parser error quotes the SQL, and SQL can come from a file, as DuckDB's {@code session_init_sql_file} showed with
 * the master key); so for them every quoted span is dropped, a syntax error keeps only its first words, and a DuckDB
 * error other than an I/O or input error keeps only its kind ("Parser Error", "Catalog Error": DuckDB does not quote
 * names there). PostgreSQL and MySQL errors come from the server the caller named, about the caller's own user and
 * database, and are kept as the server wrote them (first line only): they are what a user needs to fix a configuration.
 */
final class FailureMessages {

    static final int MAX = 300;

    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"?|'[^']*'?|`[^`]*`?");
    private static final Pattern DUCKDB_KIND = Pattern.compile("^([A-Za-z ]{1,40} Error)(?::|$)");
    private static final Set<String> DUCKDB_KEPT = Set.of("IO Error", "Invalid Input Error", "Connection Error");

    private FailureMessages() {
    }

    static String clean(Reach reach, String message) {
        String line = message == null ? "" : message.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (reach == Reach.DUCKDB || reach == Reach.H2) {
            line = QUOTED.matcher(line).replaceAll("\"…\"");
            int syntax = line.toLowerCase(Locale.ROOT).indexOf("syntax error");
            if (syntax >= 0) line = line.substring(0, syntax + "syntax error".length());
            if (reach == Reach.DUCKDB) {
                Matcher kind = DUCKDB_KIND.matcher(line);
                if (!kind.find()) line = "the embedded database refused the connection";
                else if (!DUCKDB_KEPT.contains(kind.group(1))) line = kind.group(1);
            }
        }
        return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
    }
}
