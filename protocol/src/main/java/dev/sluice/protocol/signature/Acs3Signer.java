package dev.sluice.protocol.signature;

import dev.sluice.protocol.Wire;
import dev.sluice.protocol.WireTimestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The client side of {@link Acs3Signature}, signing what tea-openapi's {@code doRequest} signs. */
public final class Acs3Signer {

    private Acs3Signer() {
    }

    /**
     * Returns the headers to send: the given ones (which should carry {@code host}, {@code x-acs-action},
     * {@code x-acs-version} and, with a body, {@code content-type}) plus {@code x-acs-date},
     * {@code x-acs-signature-nonce}, {@code x-acs-content-sha256} and {@code authorization}. Signed are {@code host},
     * {@code content-type} and every {@code x-acs-*} header, so add {@code x-acs-security-token} before signing when
     * using temporary credentials.
     *
     * @param query the query parameters as they will be sent (not percent-encoded)
     */
    public static LinkedHashMap<String, String> sign(String httpMethod, Map<String, String> query,
                                                     Map<String, String> headers, byte[] body,
                                                     String accessKeyId, String accessKeySecret,
                                                     String nonce, Instant date) {
        LinkedHashMap<String, String> signed = new LinkedHashMap<>(headers);
        replace(signed, Wire.HEADER_AUTHORIZATION, null);
        replace(signed, Wire.HEADER_DATE, WireTimestamp.format(date));
        replace(signed, Wire.HEADER_NONCE, Objects.requireNonNull(nonce, "nonce"));
        String hashedPayload = Acs3Signature.hashPayload(body);
        replace(signed, Wire.HEADER_CONTENT_SHA256, hashedPayload);

        List<String> signedHeaders = Acs3Signature.byLowerCaseName(signed).keySet().stream()
                .filter(name -> name.equals("host") || name.equals("content-type") || name.startsWith("x-acs-"))
                .sorted()
                .toList();
        String canonicalRequest = Acs3Signature.canonicalRequest(httpMethod, query, signed, signedHeaders, hashedPayload);
        String signature = Acs3Signature.signature(Acs3Signature.stringToSign(canonicalRequest), accessKeySecret);
        Acs3Authorization authorization = new Acs3Authorization(
                Objects.requireNonNull(accessKeyId, "accessKeyId"), signedHeaders, signature);
        signed.put(Wire.HEADER_AUTHORIZATION, authorization.headerValue());
        return signed;
    }

    // A caller's "X-Acs-Date" would otherwise travel, and be signed, next to ours.
    private static void replace(Map<String, String> headers, String lowerCaseName, String value) {
        headers.keySet().removeIf(name -> name.toLowerCase(Locale.ROOT).equals(lowerCaseName));
        if (value != null) headers.put(lowerCaseName, value);
    }
}
