package dev.sluice.account;

import dev.sluice.catalog.Edition;

/** A customer account: the unit that editions, limits, quotas and bills apply to. */
public record Account(long id, String name, Edition edition, String region, boolean payAsYouGo, boolean overdue, long createdAt) {
}
