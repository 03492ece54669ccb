package dev.sluice.platform;

import java.util.Optional;

/**
 * The tenant's compute sources or data sources (one implementation for each kind) found by name or id, with their
 * owners: what data permissions need to resolve a resource id and to decide who may grant on it.
 */
public interface SourceOwners {

    enum Kind { COMPUTE, DATA }

    /** A source as data permissions see it: its name is the first part of the resource ids of its tables. */
    record OwnedSource(Kind kind, long id, String name, long ownerUserId) {
    }

    Kind kind();

    /** The tenant's source of this kind named exactly {@code name}; empty for another tenant's. */
    Optional<OwnedSource> byName(long tenantId, String name);

    Optional<OwnedSource> byId(long tenantId, long id);
}
