package dev.sluice.platform.project;

import dev.sluice.protocol.PopErrors;

/** A project environment; request records take it as an enum component (the catalog's value rules list DEV, PROD). */
public enum Env {
    DEV, PROD;

    /**
     * A required environment: {@code null} when the caller sent a blank one, which the catalog lets through as "not given".
     *
     * @throws dev.sluice.protocol.PopException {@code MissingParameter} naming {@code path}
     */
    public static Env required(Env env, String path) {
        if (env == null) throw PopErrors.missingParameter(path).exception();
        return env;
    }

    /**
     * The environment named {@code value} (trimmed, any case), or {@code fallback} when absent; anything else is refused at
     * {@code path}. For text the catalog has not bound to this enum; a request record declares an {@code Env} component.
     */
    public static Env parse(String value, Env fallback, String path) {
        if (value == null || value.isBlank()) return required(fallback, path);
        return switch (value.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "DEV" -> DEV;
            case "PROD" -> PROD;
            default -> throw PopErrors.invalidParameter(path, "expected DEV or PROD, got '" + value + "'").exception();
        };
    }
}
