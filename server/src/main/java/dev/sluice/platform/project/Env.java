package dev.sluice.platform.project;

import dev.sluice.protocol.PopErrors;

/** A project environment. */
public enum Env {
    DEV, PROD;

    /** The environment named {@code value}, or {@code fallback} when absent; anything else is refused at {@code path}. */
    public static Env parse(String value, Env fallback, String path) {
        if (value == null || value.isBlank()) {
            if (fallback == null) throw PopErrors.missingParameter(path).exception();
            return fallback;
        }
        return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "DEV" -> DEV;
            case "PROD" -> PROD;
            default -> throw PopErrors.invalidParameter(path, "expected DEV or PROD, got '" + value + "'").exception();
        };
    }
}
