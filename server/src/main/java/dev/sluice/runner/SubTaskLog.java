package dev.sluice.runner;

import java.util.regex.Pattern;

import dev.sluice.dispatch.DisplayTime;

/**
 * The log of one statement as its run writes it: timestamped lines, at most {@code maxChars} characters (the last
 * lines, which say how the statement ended, always fit: room is kept for them). Secrets are masked in every line:
 * a password written as {@code password=...}, {@code pwd: ...} or {@code IDENTIFIED BY '...'}, so neither an echoed
 * statement nor an engine's message carries one.
 */
final class SubTaskLog {

    private static final int ECHO = 2000;
    private static final int ROOM_FOR_THE_END = 1024;
    private static final Pattern PASSWORD = Pattern.compile("(?i)\\b(password|passwd|pwd)(\\s*[=:]\\s*|\\s+)('[^']*'|\"[^\"]*\"|[^\\s;,&]+)");
    private static final Pattern IDENTIFIED = Pattern.compile("(?i)\\b(identified\\s+(?:by|with\\s+\\S+\\s+(?:by|as)))\\s+('[^']*'|\"[^\"]*\"|\\S+)");

    private final StringBuilder text = new StringBuilder();
    private final int maxChars;
    private final DisplayTime time;
    private boolean cut;

    SubTaskLog(int maxChars, DisplayTime time) {
        this.maxChars = maxChars;
        this.time = time;
    }

    SubTaskLog line(long now, String message) {
        return append(now, message, false);
    }

    /** A closing line: written even when the log is full. */
    SubTaskLog last(long now, String message) {
        return append(now, message, true);
    }

    String text() {
        return text.toString();
    }

    static String statementEcho(String sql) {
        String shown = sql.length() <= ECHO ? sql : sql.substring(0, ECHO) + "… (" + sql.length() + " characters)";
        return mask(shown);
    }

    static String mask(String message) {
        if (message == null) return "";
        String masked = PASSWORD.matcher(message).replaceAll("$1$2***");
        return IDENTIFIED.matcher(masked).replaceAll("$1 ***");
    }

    private SubTaskLog append(long now, String message, boolean closing) {
        String line = time.format(now) + " " + mask(message) + "\n";
        int limit = closing ? maxChars : maxChars - ROOM_FOR_THE_END;
        if (text.length() + line.length() <= limit) {
            text.append(line);
        } else if (!cut) {
            cut = true;
            String note = time.format(now) + " (the log is cut here: it reached its limit of " + maxChars + " characters)\n";
            if (text.length() + note.length() <= maxChars) text.append(note);
        }
        return this;
    }
}
