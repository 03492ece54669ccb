package dev.sluice.platform.internal;

import java.util.Optional;

import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.platform.source.StoredSources;

/**
 * {@link StoredSources} over the table of one kind of saved source and its configuration items; each kind's feature
 * declares it as a bean, for {@link dev.sluice.platform.source.SourceConnections}.
 */
public abstract class SavedSourceConfigs implements StoredSources {

    private final SourceKind kind;
    private final SavedSource.Rows<?> rows;
    private final ConfigItemStore items;

    protected SavedSourceConfigs(SourceKind kind, SavedSource.Rows<?> rows, ConfigItemStore items) {
        this.kind = kind;
        this.rows = rows;
        this.items = items;
    }

    @Override
    public final SourceKind kind() {
        return kind;
    }

    @Override
    public final Optional<StoredSource> find(long tenantId, long sourceId) {
        return rows.find(tenantId, sourceId).flatMap(source -> SourceTypes.find(source.type()).map(type -> new StoredSource(tenantId,
                kind, source.id(), source.name(), type, source.managed(), SourceConfig.stored(type, items.load(kind, source.id())))));
    }
}
