package dev.sluice.platform.source;

import java.util.Optional;

/**
 * The stored compute or data sources of one kind, supplied by the feature that owns their table, so that
 * {@link SourceConnections} can connect to a saved source without knowing those tables.
 */
public interface StoredSources {

    SourceKind kind();

    /** The tenant's source with its configuration, secrets opened (in memory only); empty for another tenant's id. */
    Optional<StoredSource> find(long tenantId, long sourceId);

    /**
     * @param managed true for the compute source Sluice manages itself (in its data directory or the cluster's database):
     *                reached without the rules for tenants' URLs, which would refuse its place
     */
    record StoredSource(long tenantId, SourceKind kind, long id, String name, SourceType type, boolean managed, SourceConfig config) {

        @Override
        public String toString() {
            return "StoredSource[" + kind + " " + id + " " + type.name() + (managed ? " managed" : "") + "]";
        }
    }
}
