package dev.sluice.permission;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import dev.sluice.protocol.PopErrors;

/** Reading the parts the three commands share, each refusal naming its wire path. */
final class CommandParts {

    record ResourceRef(String resourceId) {
    }

    private CommandParts() {
    }

    static <T> T required(T value, String path) {
        if (value == null || value instanceof String s && s.isBlank() || value instanceof List<?> l && l.isEmpty()) {
            throw PopErrors.missingParameter(path).exception();
        }
        return value;
    }

    static Set<TableRight> rights(List<String> given, String path) {
        Set<TableRight> rights = EnumSet.noneOf(TableRight.class);
        for (int i = 0; i < given.size(); i++) rights.add(TableRight.parse(given.get(i), path + "[" + i + "]"));
        return rights;
    }

    /** The reason given, trimmed; null when left out or blank. */
    static String reason(String given) {
        return given == null || given.isBlank() ? null : given.trim();
    }
}
