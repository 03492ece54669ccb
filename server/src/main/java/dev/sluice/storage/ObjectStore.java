package dev.sluice.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where uploaded files live. Clients never upload through the RPC API: they ask for a credential (one object, one
 * method, a few minutes) and send the bytes to the store themselves; the server then reads what arrived.
 */
public interface ObjectStore {

    /** The longest a credential may live (also the most the embedded endpoint accepts). */
    Duration MAX_TTL = Duration.ofHours(12);

    /**
     * A presigned PUT for the single object {@code <tenant>/<project>/<random>/<objectName>}, valid for {@code ttl}
     * (1 s to {@link #MAX_TTL}). The name is checked by {@link ObjectKeys#requireValidName}.
     */
    UploadCredential credentialFor(long tenantId, long projectId, String objectName, Duration ttl);

    /**
     * A presigned GET of an existing key (any valid key; the caller has checked it is the caller's to read), valid for
     * {@code ttl} (1 s to {@link #MAX_TTL}): for handing a client a download without proxying the bytes.
     */
    URI downloadUrl(String key, Duration ttl);

    /** Size and checksum of the object, or empty if there is none under {@code key}. */
    Optional<StoredObject> stat(String key);

    /** The object's bytes (the caller closes the stream), or empty if there is none under {@code key}. */
    Optional<InputStream> open(String key);

    /** Removes the object; nothing happens if there is none. */
    void delete(String key);
}
