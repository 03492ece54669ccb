package dev.sluice.platform.datasource;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.SavedSourceConfigs;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceKind;

/** The saved data sources (PROD and DEV alike) with their configuration, for {@link dev.sluice.platform.source.SourceConnections}. */
@Component
class DataSourceConfigs extends SavedSourceConfigs {

    DataSourceConfigs(DataSourceStore store, ConfigItemStore items) {
        super(SourceKind.DATA, store, items);
    }
}
