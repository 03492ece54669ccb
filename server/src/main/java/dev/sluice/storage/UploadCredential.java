package dev.sluice.storage;

import java.net.URI;
import java.time.Instant;

/**
 * What a client needs to upload one object: a presigned PUT {@code url} (it carries the signature, so it is the
 * secret part), plus where it points ({@code endpoint}, {@code bucket}, {@code region}, {@code key}) and when it stops
 * working. {@code toString} leaves the URL's signature out.
 */
public record UploadCredential(String endpoint, String bucket, String region, String key, URI url, Instant expiresAt) {

    /** The method the URL is signed for; any other is refused. */
    public static final String METHOD = "PUT";

    @Override
    public String toString() {
        return "UploadCredential[endpoint=" + endpoint + ", bucket=" + bucket + ", key=" + key + ", expiresAt=" + expiresAt + "]";
    }
}
