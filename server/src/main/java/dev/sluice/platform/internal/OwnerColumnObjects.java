package dev.sluice.platform.internal;

import java.time.Clock;
import java.util.List;

import dev.sluice.platform.OwnedObjects;
import dev.sluice.platform.project.TenantDirectory;
import dev.sluice.protocol.PopErrors;

/**
 * {@link OwnedObjects} over a table whose rows carry their owner (projects, data sources, compute sources): what a user
 * owns is read from it, and a transfer rewrites the owner once the new one is known as a user of the same tenant. Each
 * kind's feature declares one as a bean.
 */
public abstract class OwnerColumnObjects implements OwnedObjects {

    /** The owner of each row of one table, within a tenant. */
    public interface Rows {

        /** What the user owns, by id. */
        List<Owned> ownedBy(long tenantId, long userId);

        /** The number of rows changed: 0 when the tenant has no row {@code id}. */
        int setOwner(long tenantId, long id, long userId, long now);
    }

    public record Owned(long id, String name) {
    }

    private final String type;
    private final String noun;
    private final Rows rows;
    private final TenantDirectory tenants;
    private final Clock clock;

    /**
     * @param type as {@link #objectType()} answers it, e.g. {@code PROJECT}
     * @param noun what a not-found error calls one row, e.g. {@code project}
     */
    protected OwnerColumnObjects(String type, String noun, Rows rows, TenantDirectory tenants, Clock clock) {
        this.type = type;
        this.noun = noun;
        this.rows = rows;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public final String objectType() {
        return type;
    }

    @Override
    public final List<OwnedObject> ownedBy(long tenantId, long userId) {
        return rows.ownedBy(tenantId, userId).stream().map(o -> new OwnedObject(type, String.valueOf(o.id()), o.name())).toList();
    }

    @Override
    public final void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        tenants.user(tenantId, newOwnerUserId).orElseThrow(() -> PopErrors.notFound("user", newOwnerUserId).exception());
        if (rows.setOwner(tenantId, Long.parseLong(object.id()), newOwnerUserId, clock.millis()) == 0) {
            throw PopErrors.notFound(noun, object.id()).exception();
        }
    }
}
