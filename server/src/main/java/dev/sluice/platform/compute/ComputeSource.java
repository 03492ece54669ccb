package dev.sluice.platform.compute;

import dev.sluice.platform.internal.SavedSource;

/**
 * A compute source of a tenant (its configuration is kept apart, in the source configuration items).
 *
 * @param managed true for the one Sluice manages itself (see {@link ManagedCompute}): its connection items are Sluice's
 */
record ComputeSource(long id, long tenantId, String name, String type, String description, long creatorUserId, long ownerUserId,
                     long createdAt, long modifiedAt, boolean managed) implements SavedSource {
}
