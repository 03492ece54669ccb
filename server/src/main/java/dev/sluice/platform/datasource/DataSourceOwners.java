package dev.sluice.platform.datasource;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.platform.SourceOwners;

/** Data sources for data permissions; a development source is its own object, with its own name and owner. */
@Component
class DataSourceOwners implements SourceOwners {

    private final DataSourceStore store;

    DataSourceOwners(DataSourceStore store) {
        this.store = store;
    }

    @Override
    public Kind kind() {
        return Kind.DATA;
    }

    @Override
    public Optional<OwnedSource> byName(long tenantId, String name) {
        return store.byName(tenantId, name).map(DataSourceOwners::owned);
    }

    @Override
    public Optional<OwnedSource> byId(long tenantId, long id) {
        return store.find(tenantId, id).map(DataSourceOwners::owned);
    }

    private static OwnedSource owned(DataSource source) {
        return new OwnedSource(Kind.DATA, source.id(), source.name(), source.ownerUserId());
    }
}
