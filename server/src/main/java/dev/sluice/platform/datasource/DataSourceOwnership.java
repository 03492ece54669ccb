package dev.sluice.platform.datasource;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.OwnerColumnObjects;
import dev.sluice.platform.project.TenantDirectory;

/** Data sources in ownership transfer (each environment's source is its own object). */
@Component
class DataSourceOwnership extends OwnerColumnObjects {

    DataSourceOwnership(DataSourceStore store, TenantDirectory tenants, Clock clock) {
        super("DATA_SOURCE", "data source", store, tenants, clock);
    }
}
