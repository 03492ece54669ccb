package dev.sluice.platform.datasource;

import dev.sluice.platform.internal.SavedSource;

/** A data source: a PROD one, or a DEV one whose {@code prodId} names its production twin. */
record DataSource(long id, long tenantId, String env, Long prodId, String name, String type, String description, String scope,
                  String tag, long creatorUserId, long ownerUserId, long createdAt, long modifiedAt) implements SavedSource {
}
