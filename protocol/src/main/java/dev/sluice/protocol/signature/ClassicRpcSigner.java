package dev.sluice.protocol.signature;

import dev.sluice.protocol.Wire;
import dev.sluice.protocol.WireTimestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The client side of {@link ClassicRpcSignature}: adds the common signature parameters, as aliyun-java-sdk-core does. */
public final class ClassicRpcSigner {

    private ClassicRpcSigner() {
    }

    /**
     * Returns the parameters to send: the given ones (query and body together, a stale {@code Signature} dropped) plus
     * {@code AccessKeyId}, {@code SignatureMethod}, {@code SignatureVersion}, {@code SignatureNonce}, {@code Timestamp}
     * and finally {@code Signature}. Put {@code SecurityToken} in the parameters to sign with temporary credentials.
     */
    public static LinkedHashMap<String, String> sign(String httpMethod, Map<String, String> parameters,
                                                     String accessKeyId, String accessKeySecret,
                                                     String nonce, Instant timestamp) {
        LinkedHashMap<String, String> signed = new LinkedHashMap<>(parameters);
        signed.remove(Wire.SIGNATURE);
        signed.put(Wire.ACCESS_KEY_ID, Objects.requireNonNull(accessKeyId, "accessKeyId"));
        signed.put(Wire.SIGNATURE_METHOD, ClassicRpcSignature.SIGNATURE_METHOD);
        signed.put(Wire.SIGNATURE_VERSION, ClassicRpcSignature.SIGNATURE_VERSION);
        signed.put(Wire.SIGNATURE_NONCE, Objects.requireNonNull(nonce, "nonce"));
        signed.put(Wire.TIMESTAMP, WireTimestamp.format(timestamp));
        signed.put(Wire.SIGNATURE, ClassicRpcSignature.sign(httpMethod, signed, accessKeySecret));
        return signed;
    }
}
