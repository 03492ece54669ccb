package dev.sluice.platform.datasource;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.platform.OwnedObjects;
import dev.sluice.platform.project.TenantDirectory;
import dev.sluice.protocol.PopErrors;

/** Data sources in ownership transfer (each environment's source is its own object). */
@Component
class DataSourceOwnership implements OwnedObjects {

    private final DataSourceStore store;
    private final TenantDirectory tenants;
    private final Clock clock;

    DataSourceOwnership(DataSourceStore store, TenantDirectory tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public String objectType() {
        return "DATA_SOURCE";
    }

    @Override
    public List<OwnedObject> ownedBy(long tenantId, long userId) {
        return store.ownedBy(tenantId, userId).stream().map(d -> new OwnedObject("DATA_SOURCE", String.valueOf(d.id()), d.name())).toList();
    }

    @Override
    public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        tenants.user(tenantId, newOwnerUserId).orElseThrow(() -> PopErrors.notFound("user", newOwnerUserId).exception());
        if (store.setOwner(tenantId, Long.parseLong(object.id()), newOwnerUserId, clock.millis()) == 0) {
            throw PopErrors.notFound("data source", object.id()).exception();
        }
    }
}
