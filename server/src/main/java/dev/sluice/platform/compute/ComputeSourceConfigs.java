package dev.sluice.platform.compute;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.platform.source.StoredSources;

/** The saved compute sources with their configuration, for {@link dev.sluice.platform.source.SourceConnections}. */
@Component
class ComputeSourceConfigs implements StoredSources {

    private final ComputeSourceStore store;
    private final ConfigItemStore items;

    ComputeSourceConfigs(ComputeSourceStore store, ConfigItemStore items) {
        this.store = store;
        this.items = items;
    }

    @Override
    public SourceKind kind() {
        return SourceKind.COMPUTE;
    }

    @Override
    public Optional<StoredSource> find(long tenantId, long sourceId) {
        return store.find(tenantId, sourceId).flatMap(source -> SourceTypes.find(source.type()).map(type -> new StoredSource(tenantId,
                SourceKind.COMPUTE, source.id(), source.name(), type, source.managed(),
                SourceConfig.stored(type, items.load(SourceKind.COMPUTE, source.id())))));
    }
}
