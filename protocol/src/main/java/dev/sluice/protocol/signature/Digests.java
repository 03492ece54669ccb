package dev.sluice.protocol.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The JDK primitives both schemes use. Every algorithm named here is mandatory in every Java platform. */
final class Digests {

    private Digests() {
    }

    static byte[] hmacSha1(String key, String data) {
        return hmac("HmacSHA1", key, data);
    }

    static byte[] hmacSha256(String key, String data) {
        return hmac("HmacSHA256", key, data);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is unusable in this JDK", e);
        }
    }
}
