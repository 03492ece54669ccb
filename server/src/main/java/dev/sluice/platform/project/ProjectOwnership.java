package dev.sluice.platform.project;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.platform.OwnedObjects;
import dev.sluice.protocol.PopErrors;

/** Projects in ownership transfer: the new owner must be a user of the same tenant. */
@Component
class ProjectOwnership implements OwnedObjects {

    private final ProjectStore store;
    private final TenantDirectory tenants;
    private final Clock clock;

    ProjectOwnership(ProjectStore store, TenantDirectory tenants, Clock clock) {
        this.store = store;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public String objectType() {
        return "PROJECT";
    }

    @Override
    public List<OwnedObject> ownedBy(long tenantId, long userId) {
        return store.ownedBy(tenantId, userId).stream().map(p -> new OwnedObject("PROJECT", String.valueOf(p.id()), p.name())).toList();
    }

    @Override
    public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        tenants.user(tenantId, newOwnerUserId).orElseThrow(() -> PopErrors.notFound("user", newOwnerUserId).exception());
        if (store.setOwner(tenantId, Long.parseLong(object.id()), newOwnerUserId, clock.millis()) == 0) {
            throw PopErrors.notFound("project", object.id()).exception();
        }
    }
}
