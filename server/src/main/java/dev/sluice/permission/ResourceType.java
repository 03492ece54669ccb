package dev.sluice.permission;

import java.util.List;
import java.util.Locale;

import dev.sluice.protocol.PopErrors;

/**
 * The resource types Sluice grants on, with the parts of their ids after the source name:
 * {@code <source>.<schema>.<table>}, {@code <source>.<schema>.<table>.<column>}, and {@code <source>} alone.
 */
enum ResourceType {
    PHYSICAL_TABLE(2), PHYSICAL_FIELD(3), DATASOURCE(0);

    /** How many dot-separated parts follow the source name. */
    final int parts;

    ResourceType(int parts) {
        this.parts = parts;
    }

    static ResourceType parse(String value, String path) {
        if (value == null || value.isBlank()) throw PopErrors.missingParameter(path).exception();
        String upper = value.trim().toUpperCase(Locale.ROOT);
        for (ResourceType type : values()) {
            if (type.name().equals(upper)) return type;
        }
        throw PopErrors.invalidParameter(path, "'" + value + "' is not supported; Sluice grants on " + List.of(values())).exception();
    }
}
