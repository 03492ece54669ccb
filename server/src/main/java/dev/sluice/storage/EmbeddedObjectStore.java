package dev.sluice.storage;

import java.io.InputStream;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The default store: a folder of the data directory, served by {@link EmbeddedStorageEndpoint} at
 * {@code <public-url>/storage/<bucket>/<key>}. It signs with a key pair made at startup and held in memory only: no
 * client ever sees it (they get presigned URLs), and a restart voids the URLs still out, which live minutes anyway.
 */
final class EmbeddedObjectStore implements ObjectStore {

    static final String PATH = "/storage";

    private final FolderObjects folder;
    private final StorageSettings settings;
    private final Supplier<String> serverUrl;
    private final String accessKeyId;
    private final String secretAccessKey;
    private final PresignedUrlVerifier verifier;
    private volatile Presigning presigning;

    EmbeddedObjectStore(FolderObjects folder, StorageSettings settings, Supplier<String> serverUrl, Clock clock) {
        this.folder = folder;
        this.settings = settings;
        this.serverUrl = serverUrl;
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[10];
        byte[] secret = new byte[30];
        random.nextBytes(id);
        random.nextBytes(secret);
        this.accessKeyId = "SLUICE" + HexFormat.of().withUpperCase().formatHex(id);
        this.secretAccessKey = Base64.getEncoder().withoutPadding().encodeToString(secret);
        this.verifier = new PresignedUrlVerifier(accessKeyId, secretAccessKey, settings.region(), clock);
    }

    @Override
    public UploadCredential credentialFor(long tenantId, long projectId, String objectName, Duration ttl) {
        return presigning().put(tenantId, projectId, objectName, ttl);
    }

    @Override
    public URI downloadUrl(String key, Duration ttl) {
        return presigning().get(key, ttl);
    }

    @Override
    public Optional<StoredObject> stat(String key) {
        return ObjectKeys.isValidKey(key) ? folder.stat(key) : Optional.empty();
    }

    @Override
    public Optional<InputStream> open(String key) {
        return ObjectKeys.isValidKey(key) ? folder.open(key) : Optional.empty();
    }

    @Override
    public void delete(String key) {
        if (ObjectKeys.isValidKey(key)) folder.delete(key);
    }

    PresignedUrlVerifier verifier() {
        return verifier;
    }

    FolderObjects folder() {
        return folder;
    }

    StorageSettings settings() {
        return settings;
    }

    /** Made on first use: the server's port is known only once it listens. */
    private Presigning presigning() {
        Presigning made = presigning;
        if (made == null) {
            synchronized (this) {
                if (presigning == null) {
                    presigning = new Presigning(serverUrl.get() + PATH, settings.bucket(), settings.region(), accessKeyId, secretAccessKey, true);
                }
                made = presigning;
            }
        }
        return made;
    }
}
