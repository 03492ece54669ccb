package dev.sluice.protocol.signature;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.Wire;
import dev.sluice.protocol.WireTimestamp;
import java.time.Instant;
import java.util.Map;

/**
 * The common parameters a classic RPC signature travels with, checked for presence and supported values, so the
 * server can look up the AccessKey, check the clock and the nonce, and then {@link ClassicRpcSignature#verify}.
 *
 * @param timestamp     the parsed {@code Timestamp}
 * @param rawTimestamp  the {@code Timestamp} as sent, for error messages
 * @param securityToken the {@code SecurityToken}, or {@code null} when the caller signed with a permanent AccessKey
 */
public record ClassicSignatureFields(String accessKeyId, String signature, String nonce, Instant timestamp,
                                     String rawTimestamp, String securityToken) {

    /**
     * @throws dev.sluice.protocol.PopException {@code IncompleteSignature} when a field is missing or names a method or
     *                                          version other than HMAC-SHA1 / 1.0; {@code InvalidTimeStamp.Format}
     *                                          when {@code Timestamp} is not in the wire format; {@code InvalidParameter}
     *                                          when {@code AccessKeyId} or {@code SignatureNonce} is beyond
     *                                          {@link SignatureBounds}
     */
    public static ClassicSignatureFields read(Map<String, String> parameters) {
        String method = required(parameters, Wire.SIGNATURE_METHOD);
        if (!ClassicRpcSignature.SIGNATURE_METHOD.equals(method)) {
            throw PopErrors.unsupportedSignature("SignatureMethod '" + PopErrors.excerpt(method) + "'").exception();
        }
        String version = required(parameters, Wire.SIGNATURE_VERSION);
        if (!ClassicRpcSignature.SIGNATURE_VERSION.equals(version)) {
            throw PopErrors.unsupportedSignature("SignatureVersion '" + PopErrors.excerpt(version) + "'").exception();
        }
        // Bounded before anything is looked up or remembered (see SignatureBounds).
        String accessKeyId = SignatureBounds.check(Wire.ACCESS_KEY_ID, required(parameters, Wire.ACCESS_KEY_ID));
        String signature = required(parameters, Wire.SIGNATURE);
        String nonce = SignatureBounds.check(Wire.SIGNATURE_NONCE, required(parameters, Wire.SIGNATURE_NONCE));
        String rawTimestamp = required(parameters, Wire.TIMESTAMP);
        String securityToken = parameters.get(Wire.SECURITY_TOKEN);
        return new ClassicSignatureFields(accessKeyId, signature, nonce, WireTimestamp.parse(rawTimestamp), rawTimestamp,
                securityToken == null || securityToken.isEmpty() ? null : securityToken);
    }

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isEmpty()) throw PopErrors.missingSignatureField(name).exception();
        return value;
    }
}
