package dev.sluice.account;

import java.util.Set;

/** The data-platform tenant of an account; every operation names it as {@code OpTenantId}. */
public record Tenant(long id, long accountId, String name, String description, Long ownerUserId, Set<String> featureCodes,
                     long createdAt) {
}
