package dev.sluice.protocol.signature;

import dev.sluice.protocol.PercentEncoding;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.Wire;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * The classic RPC signature: {@code SignatureMethod=HMAC-SHA1}, {@code SignatureVersion=1.0}, carried in the
 * {@code Signature} parameter. Alibaba Cloud's documentation calls it "signature method V2"; aliyun-java-sdk-core
 * sends it for every RPC {@code CommonRequest}, and tea-openapi when told to use signature algorithm "v2".
 *
 * <p>The parameters signed are the query parameters and the form-body parameters together (see
 * {@link dev.sluice.protocol.FormParameters#union}), exactly as the SDKs sign them.
 */
public final class ClassicRpcSignature {

    public static final String SIGNATURE_METHOD = "HMAC-SHA1";
    public static final String SIGNATURE_VERSION = "1.0";

    private ClassicRpcSignature() {
    }

    /** Every parameter except {@code Signature}, sorted by name, {@code encode(name)=encode(value)}, joined by {@code &}. */
    public static String canonicalizedQuery(Map<String, String> parameters) {
        return canonicalizedQuery(parameters, name -> true);
    }

    /** {@code METHOD&%2F&encode(canonicalizedQuery)}. */
    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return stringToSign(httpMethod, canonicalizedQuery(parameters));
    }

    /** Base64 of HMAC-SHA1 keyed with {@code secret + "&"}. */
    public static String signature(String stringToSign, String accessKeySecret) {
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        return Base64.getEncoder().encodeToString(Digests.hmacSha1(accessKeySecret + "&", stringToSign));
    }

    /** The signature of a request whose parameters are these, {@code Signature} itself ignored. */
    public static String sign(String httpMethod, Map<String, String> parameters, String accessKeySecret) {
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        return Base64.getEncoder().encodeToString(Digests.hmacSha1(accessKeySecret + "&",
                stringToSignBytes(httpMethod, parameters, name -> true)));
    }

    /**
     * Checks the {@code Signature} parameter against the one this secret gives, in constant time. Read the
     * {@link ClassicSignatureFields} first: they find the AccessKey and reject requests that lack a signature.
     *
     * @throws dev.sluice.protocol.PopException {@code IncompleteSignature} without a {@code Signature} parameter,
     *                                          {@code SignatureDoesNotMatch} if it is not the expected one
     */
    public static void verify(String httpMethod, Map<String, String> parameters, String accessKeySecret) {
        String presented = parameters.get(Wire.SIGNATURE);
        if (presented == null || presented.isEmpty()) throw PopErrors.missingSignatureField(Wire.SIGNATURE).exception();
        if (matches(presented, sign(httpMethod, parameters, accessKeySecret))) return;
        // tea-openapi's "v2" signer (openapiutil getRPCSignature) leaves parameters with empty values out of the
        // string to sign yet still sends them in the query. Accepting that variant only lets an empty parameter go
        // unsigned; every parameter with a value stays covered either way.
        if (parameters.values().stream().anyMatch(String::isEmpty)) {
            byte[] withoutEmpty = stringToSignBytes(httpMethod, parameters, name -> !parameters.get(name).isEmpty());
            String expected = Base64.getEncoder().encodeToString(Digests.hmacSha1(accessKeySecret + "&", withoutEmpty));
            if (matches(presented, expected)) return;
        }
        throw PopErrors.signatureMismatch().exception();
    }

    private static String canonicalizedQuery(Map<String, String> parameters, Predicate<String> included) {
        // String order is UTF-16 code-unit order, the order Arrays.sort gives in both Java SDKs.
        TreeMap<String, String> sorted = new TreeMap<>(parameters);
        sorted.remove(Wire.SIGNATURE);
        StringJoiner canonical = new StringJoiner("&");
        sorted.forEach((name, value) -> {
            Objects.requireNonNull(value, () -> "parameter " + name + " has no value");
            if (included.test(name)) canonical.add(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(value));
        });
        return canonical.toString();
    }

    /**
     * The string to sign as bytes, built in one pass: each name and value is percent-encoded and then encoded once
     * more as part of the whole query, straight into ASCII. The same result as {@link #stringToSign(String, Map)},
     * which spells the two steps out, without the intermediate strings (a third of checking a signature under
     * {@code ./sluice bench admission} went to them).
     */
    private static byte[] stringToSignBytes(String httpMethod, Map<String, String> parameters, Predicate<String> included) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        // String order is UTF-16 code-unit order, the order Arrays.sort gives in both Java SDKs.
        String[] names = parameters.keySet().toArray(String[]::new);
        Arrays.sort(names);
        StringBuilder out = new StringBuilder(256).append(httpMethod).append("&%2F&");
        boolean first = true;
        for (String name : names) {
            if (name.equals(Wire.SIGNATURE)) continue;
            String value = Objects.requireNonNull(parameters.get(name), () -> "parameter " + name + " has no value");
            if (!included.test(name)) continue;
            if (!first) out.append("%26"); // '&', encoded by the second pass
            first = false;
            encodeTwice(name, out);
            out.append("%3D"); // '='
            encodeTwice(value, out);
        }
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    /** Percent-encodes {@code value}, then encodes the result again: an unreserved byte stays, any other is %25XX. */
    private static void encodeTwice(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // not ASCII: the slow path, over the UTF-8 bytes
                for (byte b : value.substring(i).getBytes(StandardCharsets.UTF_8)) appendTwice(b & 0xFF, out);
                return;
            }
            appendTwice(c, out);
        }
    }

    private static void appendTwice(int octet, StringBuilder out) {
        if (PercentEncoding.isUnreserved(octet)) {
            out.append((char) octet);
        } else {
            out.append("%25").append(HEX_DIGITS[octet >> 4]).append(HEX_DIGITS[octet & 0x0F]);
        }
    }

    private static String stringToSign(String httpMethod, String canonicalizedQuery) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        return httpMethod + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(canonicalizedQuery);
    }

    private static boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
