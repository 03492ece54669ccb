package dev.sluice.account;

/** A customer account: the unit that plans (edition, limits, quotas) and bills apply to. */
public record Account(long id, String name, String plan, String region, boolean payAsYouGo, boolean overdue, long createdAt) {
}
