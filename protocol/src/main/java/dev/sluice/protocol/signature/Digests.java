package dev.sluice.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JDK primitives both schemes use. Every algorithm named here is mandatory in every Java platform. */
final class Digests {

    // A keyed prototype per algorithm, cloned per use: Mac.getInstance looks the provider up on every call, a clone
    // does not, and every JDK provider's HMAC is cloneable. (Thread-locals would not help: each call runs on a new
    // virtual thread.)
    private static final Mac HMAC_SHA1 = prototype("HmacSHA1");
    private static final Mac HMAC_SHA256 = prototype("HmacSHA256");

    // And one Mac per key already keyed, also cloned per use: a clone of a keyed HMAC carries its inner digest past
    // the key's block, so a call with a key seen before skips the key's encoding, padding and first block. The same
    // few keys sign call after call (a server's callers, a client's own key); past MAX_KEYED keys the map starts over,
    // so it never grows without bound.
    private static final int MAX_KEYED = 4096;
    private static final ConcurrentHashMap<KeyedBy, Mac> KEYED = new ConcurrentHashMap<>();

    private record KeyedBy(String algorithm, String key) {
    }

    private Digests() {
    }

    static byte[] hmacSha1(String key, String data) {
        return hmac(HMAC_SHA1, key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] hmacSha1(String key, byte[] data) {
        return hmac(HMAC_SHA1, key, data);
    }

    static byte[] hmacSha256(String key, String data) {
        return hmac(HMAC_SHA256, key, data.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] hmac(Mac prototype, String key, byte[] data) {
        try {
            KeyedBy keyedBy = new KeyedBy(prototype.getAlgorithm(), key);
            Mac keyed = KEYED.get(keyedBy);
            if (keyed == null) {
                keyed = (Mac) prototype.clone();
                keyed.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), prototype.getAlgorithm()));
                if (KEYED.size() >= MAX_KEYED) KEYED.clear();
                KEYED.putIfAbsent(keyedBy, keyed);
            }
            // Never used itself: a Mac is not thread-safe, its clones are independent.
            return ((Mac) keyed.clone()).doFinal(data);
        } catch (GeneralSecurityException | CloneNotSupportedException e) {
            throw new IllegalStateException(prototype.getAlgorithm() + " is unusable in this JDK", e);
        }
    }

    private static Mac prototype(String algorithm) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(new byte[] {0}, algorithm)); // settles the provider before the first clone
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unusable in this JDK", e);
        }
    }
}
