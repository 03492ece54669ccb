package dev.sluice.storage;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code sluice.storage.*}. With {@code endpoint} empty (the default) objects live in {@code <data-dir>/storage},
 * served by Sluice at {@code <public-url>/storage} ({@code public-url} defaults to {@code http://127.0.0.1:<port>}; set
 * it to the address clients reach the server at). With {@code endpoint} set, objects live in that S3-compatible store
 * ({@code bucket}, {@code region}, {@code access-key-id}, {@code secret-access-key}; path-style addressing unless
 * {@code path-style} is false). {@code credential-ttl} is how long a handed-out upload URL works (15 min, 1 min to
 * 12 h); {@code max-object-bytes} bounds one upload to the embedded endpoint (512 MiB). {@code toString} leaves the
 * secret out.
 */
@Validated
@ConfigurationProperties("sluice.storage")
public record StorageSettings(@DefaultValue("") String endpoint, @DefaultValue("") String publicUrl, @DefaultValue("sluice") String bucket,
                              @DefaultValue("us-east-1") String region, @DefaultValue("") String accessKeyId,
                              @DefaultValue("") String secretAccessKey, @DefaultValue("true") boolean pathStyle,
                              @DefaultValue("15m") Duration credentialTtl, @DefaultValue("512MB") DataSize maxObjectBytes) {

    public StorageSettings {
        endpoint = strip(endpoint);
        publicUrl = strip(publicUrl);
        accessKeyId = accessKeyId == null ? "" : accessKeyId.trim();
        secretAccessKey = secretAccessKey == null ? "" : secretAccessKey;
        if (credentialTtl == null || credentialTtl.compareTo(Duration.ofMinutes(1)) < 0 || credentialTtl.compareTo(ObjectStore.MAX_TTL) > 0) {
            throw new IllegalArgumentException("sluice.storage.credential-ttl must be between 1m and 12h, got " + credentialTtl);
        }
        if (maxObjectBytes == null || maxObjectBytes.toBytes() < 1 || maxObjectBytes.toGigabytes() > 1024) {
            throw new IllegalArgumentException("sluice.storage.max-object-bytes must be between 1B and 1TB, got " + maxObjectBytes);
        }
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("sluice.storage.bucket must be an S3 bucket name (3-63 of a-z, 0-9, '.', '-'), got " + bucket);
        }
        if (region == null || !region.matches("[a-z0-9-]{1,32}")) {
            throw new IllegalArgumentException("sluice.storage.region must be a region name such as us-east-1, got " + region);
        }
        if (!publicUrl.isBlank()) {
            httpUrl(publicUrl, "sluice.storage.public-url");
            if (!URI.create(publicUrl).getRawPath().isEmpty()) {
                throw new IllegalArgumentException("sluice.storage.public-url is the server's address without a path, got " + publicUrl);
            }
        }
        if (!endpoint.isBlank()) {
            httpUrl(endpoint, "sluice.storage.endpoint");
            if (accessKeyId.isBlank() || secretAccessKey.isBlank()) {
                throw new IllegalArgumentException("sluice.storage.endpoint needs sluice.storage.access-key-id and sluice.storage.secret-access-key");
            }
        }
    }

    /** Whether objects live in an external store rather than the data directory. */
    public boolean external() {
        return !endpoint.isBlank();
    }

    private static void httpUrl(String url, String name) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(name + " must be an http(s) URL with a host and no query or user, got " + uri.getScheme() + "://...");
        }
    }

    private static String strip(String url) {
        String trimmed = url == null ? "" : url.trim();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }

    @Override
    public String toString() {
        return "StorageSettings[endpoint=" + endpoint + ", publicUrl=" + publicUrl + ", bucket=" + bucket + ", region=" + region
                + ", accessKeyId=" + accessKeyId + ", secretAccessKey=" + (secretAccessKey.isBlank() ? "unset" : "***")
                + ", pathStyle=" + pathStyle + ", credentialTtl=" + credentialTtl + ", maxObjectBytes=" + maxObjectBytes + "]";
    }
}
