package dev.sluice.catalog;

import java.util.Locale;

/** The value kinds a request parameter or response field can have. */
public enum ParamType {
    STRING,
    INTEGER,
    BOOLEAN,
    NUMBER,
    ARRAY,
    OBJECT,
    /** An object with arbitrary keys and values. */
    MAP,
    /** Any JSON value; not checked. */
    ANY;

    /** Whether a value of this type is a JSON structure rather than a single scalar. */
    public boolean isStructured() {
        return this == ARRAY || this == OBJECT || this == MAP || this == ANY;
    }

    public static ParamType parse(String text) {
        if (text == null) throw new IllegalArgumentException("parameter type is missing");
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown parameter type '" + text + "'");
        }
    }
}
