package dev.sluice.platform.datasource;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.protocol.PopErrors;

/** Lookups the data-source operations share: a tenant's source by id, its stored configuration, what depends on it. */
@Component
class DataSources {

    private final DataSourceStore store;
    private final ConfigItemStore items;
    private final List<DataSourceDependencies> dependencies;

    DataSources(DataSourceStore store, ConfigItemStore items, List<DataSourceDependencies> dependencies) {
        this.store = store;
        this.items = items;
        this.dependencies = dependencies;
    }

    /** The source, or {@code EntityNotExist}, also for another tenant's id. */
    DataSource require(long tenantId, long id) {
        return store.find(tenantId, id).orElseThrow(() -> PopErrors.notFound("data source", id).exception());
    }

    SourceConfig config(DataSource source) {
        return SourceConfig.stored(SourceTypes.parse(source.type(), "Id"), items.load(SourceKind.DATA, source.id()));
    }

    List<DataSourceDependencies.Dependent> dependents(long tenantId, long id) {
        List<DataSourceDependencies.Dependent> all = new ArrayList<>();
        for (DataSourceDependencies d : dependencies) all.addAll(d.of(tenantId, id));
        return all;
    }
}
