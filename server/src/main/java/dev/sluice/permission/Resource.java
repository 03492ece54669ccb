package dev.sluice.permission;

import java.util.Locale;

import dev.sluice.platform.SourceOwners.OwnedSource;

/**
 * One resource a grant or a check names, resolved: the source it lives in, and its schema, table and column, lower
 * case ({@code ""} where the type has no such part). Names compare without regard to case, as unquoted identifiers
 * do in every engine Sluice runs SQL on.
 */
record Resource(ResourceType type, OwnedSource source, String schema, String table, String column) {

    static Resource table(OwnedSource source, String schema, String table) {
        return new Resource(ResourceType.PHYSICAL_TABLE, source, lower(schema), lower(table), "");
    }

    /** The wire form: {@code <source name>.<schema>.<table>[.<column>]}. */
    String id() {
        return switch (type) {
            case DATASOURCE -> source.name();
            case PHYSICAL_TABLE -> source.name() + "." + schema + "." + table;
            case PHYSICAL_FIELD -> source.name() + "." + schema + "." + table + "." + column;
        };
    }

    /** The table a field belongs to, or the table itself. */
    Resource asTable() {
        return table(source, schema, table);
    }

    static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
