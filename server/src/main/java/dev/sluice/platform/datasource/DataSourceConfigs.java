package dev.sluice.platform.datasource;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.platform.source.StoredSources;

/** The saved data sources (PROD and DEV alike) with their configuration, for {@link dev.sluice.platform.source.SourceConnections}. */
@Component
class DataSourceConfigs implements StoredSources {

    private final DataSourceStore store;
    private final ConfigItemStore items;

    DataSourceConfigs(DataSourceStore store, ConfigItemStore items) {
        this.store = store;
        this.items = items;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.DATA;
    }

    @Override
    public Optional<StoredSource> find(long tenantId, long sourceId) {
        return store.find(tenantId, sourceId).flatMap(source -> SourceTypes.find(source.type()).map(type -> new StoredSource(tenantId,
                SourceKind.DATA, source.id(), source.name(), type, false, SourceConfig.stored(type, items.load(SourceKind.DATA, source.id())))));
    }
}
