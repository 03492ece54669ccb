package dev.sluice.storage;

/**
 * An object as the store holds it: its size in bytes and a checksum, {@code checksumAlgorithm} being {@code SHA-256}
 * (lower-case hex; the embedded store, or an external one that kept the upload's SHA-256), {@code MD5} (a plain
 * upload's ETag) or {@code ETAG} (a multipart ETag, not a digest of the bytes).
 */
public record StoredObject(String key, long size, String checksumAlgorithm, String checksum) {
}
