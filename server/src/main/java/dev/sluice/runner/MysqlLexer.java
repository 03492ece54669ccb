package dev.sluice.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * MySQL's and MariaDB's lexical rules, just far enough to find the semicolons that end statements: strings in single
 * or double quotes with backslash escapes and doubled quotes, back-quoted names, {@code -- } (dash dash space),
 * {@code #} and {@code /* *}{@code /} comments (the executable {@code /*!...*}{@code /} kind included). Statements keep
 * their text as written; empty and comment-only ones are dropped.
 */
final class MysqlLexer {

    private MysqlLexer() {
    }

    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean hasCode = false;
        int n = script.length();
        int i = 0;
        while (i < n) {
            char c = script.charAt(i);
            int end;
            if (c == '\'' || c == '"' || c == '`') {
                end = quoted(script, i, c);
                hasCode = true;
            } else if (c == '#' || (c == '-' && script.startsWith("--", i) && (i + 2 == n || Character.isWhitespace(script.charAt(i + 2))))) {
                int eol = script.indexOf('\n', i);
                end = eol < 0 ? n : eol + 1;
            } else if (c == '/' && script.startsWith("/*", i)) {
                int close = script.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
                if (script.startsWith("/*!", i)) hasCode = true; // runs on MySQL
            } else if (c == ';') {
                if (hasCode) statements.add(current.toString().strip());
                current.setLength(0);
                hasCode = false;
                i++;
                continue;
            } else {
                end = i + 1;
                if (!Character.isWhitespace(c)) hasCode = true;
            }
            current.append(script, i, end);
            i = end;
        }
        if (hasCode) statements.add(current.toString().strip());
        return statements;
    }

    /** The index after the closing quote (or the end of the text when it never closes: the server will say so). */
    private static int quoted(String s, int start, char quote) {
        int i = start + 1;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\' && quote != '`') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < s.length() && s.charAt(i + 1) == quote) i += 2; // a doubled quote stands for itself
                else return i + 1;
            } else {
                i++;
            }
        }
        return s.length();
    }
}
