package dev.sluice.protocol.signature;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code Authorization} header of an ACS3-HMAC-SHA256 request:
 * {@code ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<h1;h2;...>,Signature=<hex>}.
 *
 * @param accessKeyId   the {@code Credential} field
 * @param signedHeaders the {@code SignedHeaders} field in the order sent, which is the order that was signed
 * @param signature     the {@code Signature} field, 64 hex digits
 */
public record Acs3Authorization(String accessKeyId, List<String> signedHeaders, String signature) {

    private static final String CREDENTIAL = "Credential";
    private static final String SIGNED_HEADERS = "SignedHeaders";
    private static final String SIGNATURE = "Signature";
    private static final Pattern HMAC_SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    public Acs3Authorization {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        signedHeaders = List.copyOf(signedHeaders);
        Objects.requireNonNull(signature, "signature");
    }

    /**
     * @throws PopException {@code IncompleteSignature}: {@link PopErrors#missingSignatureField} when the header or one
     *                      of its three fields is absent or empty, {@link PopErrors#unsupportedSignature} when the
     *                      algorithm is another one or the header is otherwise malformed; {@code InvalidParameter}
     *                      when {@code Credential} is beyond {@link SignatureBounds}
     */
    public static Acs3Authorization parse(String header) {
        if (header == null || header.isBlank()) throw PopErrors.missingSignatureField("Authorization").exception();
        String trimmed = header.trim();
        int space = trimmed.indexOf(' ');
        String algorithm = space < 0 ? trimmed : trimmed.substring(0, space);
        if (!Acs3Signature.ALGORITHM.equals(algorithm)) {
            throw unsupported("Authorization algorithm '" + algorithm + "'");
        }
        Map<String, String> fields = fields(space < 0 ? "" : trimmed.substring(space + 1));
        String accessKeyId = SignatureBounds.check(CREDENTIAL, required(fields, CREDENTIAL));
        List<String> signedHeaders = signedHeaders(required(fields, SIGNED_HEADERS));
        String signature = required(fields, SIGNATURE);
        if (!HMAC_SHA256_HEX.matcher(signature).matches()) {
            throw unsupported("Signature '" + signature + "' is not 64 hexadecimal digits (HMAC-SHA256)");
        }
        return new Acs3Authorization(accessKeyId, signedHeaders, signature);
    }

    /** The header value, in the layout tea-openapi sends. */
    public String headerValue() {
        return Acs3Signature.ALGORITHM + " " + CREDENTIAL + "=" + accessKeyId
                + "," + SIGNED_HEADERS + "=" + String.join(";", signedHeaders)
                + "," + SIGNATURE + "=" + signature;
    }

    private static Map<String, String> fields(String list) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String field : list.split(",")) {
            if (field.isBlank()) continue;
            int equals = field.indexOf('=');
            if (equals < 0) throw unsupported("Authorization field '" + field.trim() + "' is not name=value");
            String name = field.substring(0, equals).trim();
            if (!name.equals(CREDENTIAL) && !name.equals(SIGNED_HEADERS) && !name.equals(SIGNATURE)) {
                throw unsupported("unknown Authorization field '" + name + "'");
            }
            if (fields.putIfAbsent(name, field.substring(equals + 1).trim()) != null) {
                throw unsupported("Authorization field '" + name + "' appears twice");
            }
        }
        return fields;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null || value.isEmpty()) throw PopErrors.missingSignatureField(name).exception();
        return value;
    }

    private static List<String> signedHeaders(String list) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : list.split(";", -1)) {
            String trimmed = name.trim();
            if (trimmed.isEmpty()) throw unsupported("SignedHeaders '" + list + "' has an empty entry");
            if (!seen.add(trimmed.toLowerCase(Locale.ROOT))) {
                throw unsupported("SignedHeaders lists '" + trimmed + "' twice");
            }
            names.add(trimmed);
        }
        return names;
    }

    private static PopException unsupported(String what) {
        return PopErrors.unsupportedSignature(what).exception();
    }
}
