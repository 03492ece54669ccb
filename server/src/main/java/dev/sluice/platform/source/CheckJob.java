package dev.sluice.platform.source;

/** One recorded connectivity check; {@code sourceId} is null when a draft configuration was checked. */
public record CheckJob(long id, long tenantId, SourceKind kind, Long sourceId, String sourceType, boolean succeeded,
                       String errorMsg, long userId, long startedAt, long finishedAt) {
}
