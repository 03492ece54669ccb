package dev.sluice.catalog;

import java.util.List;
import java.util.Locale;

/**
 * The values an enum-like string parameter may take, from the hand-kept table {@code catalog/value-rules.txt}.
 * {@code ignoreCase} values are matched as the handlers read them: trimmed, in any case, and a blank value is left to
 * the handler (which reads it as "not given"). The value is passed on as given, never rewritten, so what a handler
 * stores or echoes is unchanged.
 */
public record AllowedValues(List<String> values, boolean ignoreCase) {

    public AllowedValues {
        values = List.copyOf(values);
        if (values.isEmpty()) throw new IllegalArgumentException("an enum needs at least one value");
    }

    /** @throws dev.sluice.protocol.PopException {@code InvalidParameter} naming {@code path} and the allowed values */
    void check(String value, String path) {
        if (ignoreCase) {
            String given = value.trim();
            if (given.isEmpty() || values.contains(given.toUpperCase(Locale.ROOT))) return;
        } else if (values.contains(value)) {
            return;
        }
        throw RequestBinder.invalid(path, "'" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "' is not one of "
                + String.join(", ", values));
    }
}
