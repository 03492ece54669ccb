package dev.sluice.platform.project;

/**
 * What the operator gives to create a project ({@code ./sluice admin project create}). Null optional values take
 * their defaults: display name = name, type GENERAL, namespace tag GENERAL, produce user = owner.
 */
public record ProjectDraft(long tenantId, String name, String displayName, String description, ProjectMode mode, String type,
                           String namespaceTag, Long bizUnitId, long ownerUserId, Long produceUserId, Long computeSourceId,
                           Long devComputeSourceId, Long streamComputeSourceId) {
}
