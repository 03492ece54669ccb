package dev.sluice.platform.internal;

import java.util.Locale;

/**
 * A keyword filter as SQL: {@code lower(column) like ?} plus {@link #ESCAPE}, bound to {@link #contains(String)}, so a
 * {@code %} or {@code _} the caller types matches itself and not any text.
 */
public final class LikePattern {

    /** Appended to each {@code like ?} that takes a {@link #contains(String)} pattern. */
    public static final String ESCAPE = " escape '\\'";

    private LikePattern() {
    }

    /** The pattern matching any text that contains {@code keyword} (trimmed) in any case. */
    public static String contains(String keyword) {
        String escaped = keyword.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
