package dev.sluice.account;

/** A global role of the data platform, held by a user within a tenant. */
public record Role(long id, String code, String name, String description) {
}
