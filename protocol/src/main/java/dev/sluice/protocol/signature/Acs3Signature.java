package dev.sluice.protocol.signature;

import dev.sluice.protocol.PercentEncoding;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.Wire;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The ACS3-HMAC-SHA256 signature ("signature method V3"), which tea-openapi 0.3.x sends by default: a canonical
 * request over the method, the query, the signed headers and the SHA-256 of the body, signed with HMAC-SHA256.
 *
 * <p>Header names are matched without regard to case; should two names in one map differ only in case, the later one
 * in iteration order counts, as in openapiutil. RPC-style APIs are served at {@code /}, so the canonical URI is too.
 */
public final class Acs3Signature {

    public static final String ALGORITHM = "ACS3-HMAC-SHA256";

    private static final String CANONICAL_URI = "/";
    private static final String HOST = "host";
    private static final String ACS_HEADER_PREFIX = "x-acs-";
    private static final HexFormat HEX = HexFormat.of();

    private Acs3Signature() {
    }

    /** Lower-case hex of the SHA-256 of the body: the value of {@code x-acs-content-sha256}. */
    public static String hashPayload(byte[] body) {
        return HEX.formatHex(Digests.sha256(body));
    }

    /** Query parameters sorted by name, {@code encode(name)=encode(value)} joined by {@code &}; an empty value gives {@code name=}. */
    public static String canonicalQueryString(Map<String, String> query) {
        // Sorted by the unencoded name, as openapiutil and the V3 documentation's own sample code do.
        StringJoiner canonical = new StringJoiner("&");
        new TreeMap<>(query).forEach((name, value) -> canonical.add(
                PercentEncoding.encode(name) + "=" + PercentEncoding.encode(Objects.requireNonNull(value, name))));
        return canonical.toString();
    }

    /**
     * The canonical request. {@code signedHeaders} is used twice: sorted, to list the {@code name:trimmed-value} lines,
     * and as given, for the SignedHeaders line. openapiutil 0.2.x sends the list sorted, but older releases joined it in
     * hash-map order and sorted only the header lines, so verification signs the line exactly as the client listed it.
     *
     * @throws dev.sluice.protocol.PopException {@code IncompleteSignature} if a signed header is not among the headers
     */
    public static String canonicalRequest(String httpMethod, Map<String, String> query, Map<String, String> headers,
                                          List<String> signedHeaders, String hashedPayload) {
        Map<String, String> byLowerName = byLowerCaseName(headers);
        StringBuilder canonicalHeaders = new StringBuilder();
        signedHeaders.stream().map(name -> name.toLowerCase(Locale.ROOT)).sorted().forEach(name -> {
            String value = byLowerName.get(name);
            if (value == null) throw PopErrors.missingSignatureField("signed header " + name).exception();
            canonicalHeaders.append(name).append(':').append(value.trim()).append('\n');
        });
        return Objects.requireNonNull(httpMethod, "httpMethod") + "\n"
                + CANONICAL_URI + "\n"
                + canonicalQueryString(query) + "\n"
                + canonicalHeaders + "\n"
                + String.join(";", signedHeaders) + "\n"
                + Objects.requireNonNull(hashedPayload, "hashedPayload");
    }

    /** {@code "ACS3-HMAC-SHA256\n" + hex(sha256(canonicalRequest))}. */
    public static String stringToSign(String canonicalRequest) {
        return ALGORITHM + "\n" + HEX.formatHex(Digests.sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /** Lower-case hex of HMAC-SHA256 keyed with the AccessKey secret itself (no {@code &}, unlike the classic scheme). */
    public static String signature(String stringToSign, String accessKeySecret) {
        return HEX.formatHex(Digests.hmacSha256(Objects.requireNonNull(accessKeySecret, "accessKeySecret"), stringToSign));
    }

    /**
     * Verifies a request against its parsed {@code Authorization}: the date, nonce and body hash headers are present,
     * {@code host} and every {@code x-acs-*} header are signed, the body hash is the body's, and the signature is the
     * one this secret gives (compared in constant time).
     *
     * @param query the decoded query parameters (form-body parameters are covered by the body hash instead)
     * @throws dev.sluice.protocol.PopException {@code IncompleteSignature}, {@code InvalidParameter.ContentSha256} or
     *                                          {@code SignatureDoesNotMatch}, naming what is wrong
     */
    public static void verify(String httpMethod, Map<String, String> query, Map<String, String> headers, byte[] body,
                              Acs3Authorization authorization, String accessKeySecret) {
        Map<String, String> byLowerName = byLowerCaseName(headers);
        for (String required : List.of(Wire.HEADER_DATE, Wire.HEADER_NONCE, Wire.HEADER_CONTENT_SHA256)) {
            String value = byLowerName.get(required);
            if (value == null || value.isBlank()) throw PopErrors.missingSignatureField(required).exception();
        }
        Set<String> signed = authorization.signedHeaders().stream()
                .map(name -> name.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String name : byLowerName.keySet()) {
            if ((name.equals(HOST) || name.startsWith(ACS_HEADER_PREFIX)) && !signed.contains(name)) {
                throw PopErrors.missingSignatureField(name + " in SignedHeaders").exception();
            }
        }
        String claimedHash = byLowerName.get(Wire.HEADER_CONTENT_SHA256).trim();
        if (!claimedHash.equalsIgnoreCase(hashPayload(body))) throw PopErrors.contentHashMismatch().exception();

        String canonicalRequest = canonicalRequest(httpMethod, query, headers, authorization.signedHeaders(), claimedHash);
        byte[] expected = Digests.hmacSha256(accessKeySecret, stringToSign(canonicalRequest));
        byte[] presented = HEX.parseHex(authorization.signature());
        if (!MessageDigest.isEqual(presented, expected)) throw PopErrors.signatureMismatch().exception();
    }

    static Map<String, String> byLowerCaseName(Map<String, String> headers) {
        Map<String, String> byLowerName = new LinkedHashMap<>();
        headers.forEach((name, value) -> byLowerName.put(name.toLowerCase(Locale.ROOT), value));
        return byLowerName;
    }
}
