package dev.sluice.runner;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.postgresql.core.NativeQuery;
import org.postgresql.core.Parser;

/**
 * Splits a script into its statements as the engine would read them, never at a semicolon inside a string, a quoted
 * name, a comment or a dollar-quoted body. PostgreSQL, DuckDB and H2 share PostgreSQL's lexical rules for that purpose,
 * so their scripts go through pgjdbc's own statement splitter ({@link Parser#parseJdbcSql}, the code the driver uses
 * for multi-statement strings). MySQL's rules differ (backslash escapes, {@code #} comments, back-quoted names), and
 * neither its driver nor JSqlParser's lexer splits them, so {@link MysqlLexer} does. Each statement keeps its text as
 * written (comments included); blank ones and ones holding only comments are dropped. Nothing here needs the statement
 * to be parseable: a statement no parser knows still comes out whole and runs as text.
 */
public final class ScriptSplitter {

    private ScriptSplitter() {
    }

    public static List<String> split(String script, Engine.Dialect dialect) {
        return dialect == Engine.Dialect.MYSQL ? MysqlLexer.split(script) : postgresRules(script);
    }

    private static List<String> postgresRules(String script) {
        try {
            // standard_conforming_strings on (every supported server's default); no parameters, no rewriting.
            List<NativeQuery> parsed = Parser.parseJdbcSql(script, true, false, true, false, false);
            List<String> statements = new ArrayList<>();
            for (NativeQuery q : parsed) {
                if (onlyComments(q.nativeSql)) continue;
                String sql = q.nativeSql.strip();
                if (!sql.isEmpty()) statements.add(sql);
            }
            return statements;
        } catch (SQLException e) {
            throw new IllegalStateException("pgjdbc refused to split a script: " + e.getMessage(), e);
        }
    }

    /** True when the text is white space and comments only (a script's trailing comment is no statement to run). */
    static boolean onlyComments(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int eol = sql.indexOf('\n', i);
                i = eol < 0 ? n : eol + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int depth = 1;
                i += 2;
                while (i < n && depth > 0) {
                    if (sql.startsWith("/*", i)) { depth++; i += 2; }
                    else if (sql.startsWith("*/", i)) { depth--; i += 2; }
                    else i++;
                }
            } else {
                return false;
            }
        }
        return true;
    }
}
