package dev.sluice.account;

/** An AccessKey as it may be shown: never with its secret. */
public record AccessKey(String id, long userId, boolean enabled, long createdAt, Long lastUsedAt) {
}
