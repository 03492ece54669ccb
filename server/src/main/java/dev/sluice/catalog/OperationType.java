package dev.sluice.catalog;

import java.util.Locale;

/** Whether an operation only reads; read-only policies admit exactly the {@link #READ} operations. */
public enum OperationType {
    READ,
    WRITE;

    public static OperationType parse(String text) {
        if (text == null) throw new IllegalArgumentException("operation type is missing");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown operation type '" + text + "'");
        }
    }
}
