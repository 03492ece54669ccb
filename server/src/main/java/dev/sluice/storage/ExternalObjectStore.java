package dev.sluice.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Any S3-compatible store (MinIO, OSS, S3) named by {@code sluice.storage.endpoint}: uploads go there with presigned
 * URLs minted by the SDK from the configured keys; the server reads and deletes with the SDK's client.
 */
final class ExternalObjectStore implements ObjectStore, AutoCloseable {

    private final StorageSettings settings;
    private final Presigning presigning;
    private final S3Client client;

    ExternalObjectStore(StorageSettings settings) {
        this.settings = settings;
        this.presigning = new Presigning(settings.endpoint(), settings.bucket(), settings.region(), settings.accessKeyId(),
                settings.secretAccessKey(), settings.pathStyle());
        this.client = S3Client.builder()
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
                .forcePathStyle(settings.pathStyle())
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    @Override
    public UploadCredential credentialFor(long tenantId, long projectId, String objectName, Duration ttl) {
        return presigning.put(tenantId, projectId, objectName, ttl);
    }

    @Override
    public URI downloadUrl(String key, Duration ttl) {
        return presigning.get(key, ttl);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        if (!ObjectKeys.isValidKey(key)) return Optional.empty();
        try {
            HeadObjectResponse head = client.headObject(h -> h.bucket(settings.bucket()).key(key).checksumMode(ChecksumMode.ENABLED));
            if (head.checksumSHA256() != null && !head.checksumSHA256().contains("-")) {
                return Optional.of(new StoredObject(key, head.contentLength(), "SHA-256",
                        HexFormat.of().formatHex(Base64.getDecoder().decode(head.checksumSHA256()))));
            }
            String etag = head.eTag() == null ? "" : head.eTag().replace("\"", "");
            return Optional.of(new StoredObject(key, head.contentLength(), etag.contains("-") ? "ETAG" : "MD5", etag));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) return Optional.empty();
            throw e;
        }
    }

    @Override
    public Optional<InputStream> open(String key) {
        if (!ObjectKeys.isValidKey(key)) return Optional.empty();
        try {
            return Optional.of(client.getObject(g -> g.bucket(settings.bucket()).key(key)));
        } catch (NoSuchKeyException absent) {
            return Optional.empty();
        }
    }

    @Override
    public void delete(String key) {
        if (ObjectKeys.isValidKey(key)) client.deleteObject(d -> d.bucket(settings.bucket()).key(key));
    }

    @Override
    public void close() {
        presigning.close();
        client.close();
    }
}
