package dev.sluice.platform.internal;

import java.util.Optional;

/**
 * What a saved compute source and a saved data source have alike, so that the adapters both kinds hand to data
 * permissions ({@link SavedSourceOwners}) and to connections ({@link SavedSourceConfigs}) are written once.
 */
public interface SavedSource {

    long id();

    String name();

    /** The source type's wire name (e.g. {@code MYSQL}). */
    String type();

    long ownerUserId();

    /** True only for the compute source Sluice runs itself; no data source is. */
    default boolean managed() {
        return false;
    }

    /** The table of one kind of saved source, read within a tenant. */
    interface Rows<S extends SavedSource> {

        Optional<S> find(long tenantId, long id);

        Optional<S> byName(long tenantId, String name);
    }
}
