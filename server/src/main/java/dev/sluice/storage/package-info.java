/**
 * File storage: objects that clients upload straight to an S3-compatible store with a short-lived presigned URL that
 * Sluice hands out, scoped to one key under {@code <tenant>/<project>/}. {@link dev.sluice.storage.ObjectStore} is the
 * API other modules use (mint an upload credential, stat, read, delete); {@link dev.sluice.storage.ObjectKeys} builds
 * and checks keys. By default the store is a folder of the data directory served by Sluice itself
 * ({@code /storage/...}, see {@code EmbeddedStorageEndpoint}); with {@code sluice.storage.endpoint} set it is any
 * S3-compatible store (MinIO, OSS, S3).
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"system"})
package dev.sluice.storage;

import org.springframework.modulith.ApplicationModule;
