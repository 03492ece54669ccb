package dev.sluice.storage;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The one place upload URLs are minted, for both stores: the AWS SDK's presigner (Signature V4, query string). A
 * presigned URL is bound by its signature to one method, one bucket and key and a lifetime, which is exactly the scope
 * a credential must have; the embedded endpoint verifies what this produces.
 */
final class Presigning implements AutoCloseable {

    private final S3Presigner presigner;
    private final String endpoint;
    private final String bucket;
    private final String region;

    Presigning(String endpoint, String bucket, String region, String accessKeyId, String secretAccessKey, boolean pathStyle) {
        this.endpoint = endpoint;
        this.bucket = bucket;
        this.region = region;
        this.presigner = S3Presigner.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey)))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(pathStyle).build())
                .build();
    }

    UploadCredential put(long tenantId, long projectId, String objectName, Duration ttl) {
        requireLifetime(ttl);
        String key = ObjectKeys.newKey(tenantId, projectId, objectName);
        PresignedPutObjectRequest presigned = presigner.presignPutObject(p -> p.signatureDuration(ttl)
                .putObjectRequest(o -> o.bucket(bucket).key(key)));
        return new UploadCredential(endpoint, bucket, region, key, uri(presigned.url()), presigned.expiration());
    }

    URI get(String key, Duration ttl) {
        requireLifetime(ttl);
        if (!ObjectKeys.isValidKey(key)) throw new IllegalArgumentException("not a valid object key");
        return uri(presigner.presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(o -> o.bucket(bucket).key(key))).url());
    }

    private static void requireLifetime(Duration ttl) {
        if (ttl == null || ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(ObjectStore.MAX_TTL) > 0) {
            throw new IllegalArgumentException("a presigned URL lives 1s to 12h, not " + ttl);
        }
    }

    private static URI uri(java.net.URL url) {
        try {
            return url.toURI();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException("the presigner made an invalid URL", e);
        }
    }

    @Override
    public void close() {
        presigner.close();
    }
}
