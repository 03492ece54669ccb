package dev.sluice.platform.compute;

/** A compute source of a tenant (its configuration is kept apart, in the source configuration items). */
record ComputeSource(long id, long tenantId, String name, String type, String description, long creatorUserId, long ownerUserId,
                     long createdAt, long modifiedAt) {
}
