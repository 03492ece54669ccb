package dev.sluice.platform.compute;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.platform.OwnedObjects;
import dev.sluice.platform.project.TenantDirectory;
import dev.sluice.protocol.PopErrors;

/** Compute sources in ownership transfer. */
@Component
class ComputeSourceOwnership implements OwnedObjects {

    private final ComputeSourceStore store;
    private final TenantDirectory tenants;
    private final Clock clock;

    ComputeSourceOwnership(ComputeSourceStore store, TenantDirectory tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public String objectType() {
        return "COMPUTE_SOURCE";
    }

    @Override
    public List<OwnedObject> ownedBy(long tenantId, long userId) {
        return store.ownedBy(tenantId, userId).stream().map(c -> new OwnedObject("COMPUTE_SOURCE", String.valueOf(c.id()), c.name())).toList();
    }

    @Override
    public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        tenants.user(tenantId, newOwnerUserId).orElseThrow(() -> PopErrors.notFound("user", newOwnerUserId).exception());
        if (store.setOwner(tenantId, Long.parseLong(object.id()), newOwnerUserId, clock.millis()) == 0) {
            throw PopErrors.notFound("compute source", object.id()).exception();
        }
    }
}
