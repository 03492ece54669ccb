package dev.sluice.permission;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.sluice.protocol.PopErrors;

/** What a data permission allows on a table (or on every table of a source): the OperateList of the operations. */
enum TableRight {
    SELECT, INSERT, UPDATE, DELETE, ALTER, DROP, CREATE;

    static final Set<TableRight> ALL = Set.of(values());
    static final Set<TableRight> READ = Set.of(SELECT);

    static TableRight parse(String value, String path) {
        if (value == null || value.isBlank()) throw PopErrors.missingParameter(path).exception();
        String upper = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(r -> r.name().equals(upper)).findFirst().orElseThrow(() -> PopErrors.invalidParameter(path,
                "'" + value + "' is not an operation; use one of " + List.of(values())).exception());
    }
}
