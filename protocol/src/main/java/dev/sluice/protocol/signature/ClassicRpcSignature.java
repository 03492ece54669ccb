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
     * more as part of the whole query, straight into ASCII bytes. The same result as {@link #stringToSign(String, Map)},
     * which spells the two steps out, without the intermediate strings (a third of checking a signature under
     * {@code ./sluice bench admission} went to them) and without a StringBuilder's copy into a String and back.
     */
    private static byte[] stringToSignBytes(String httpMethod, Map<String, String> parameters, Predicate<String> included) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        // String order is UTF-16 code-unit order, the order Arrays.sort gives in both Java SDKs.
        String[] names = parameters.keySet().toArray(String[]::new);
        Arrays.sort(names);
        AsciiBytes out = new AsciiBytes(512);
        out.ascii(httpMethod).ascii("&%2F&");
        boolean first = true;
        for (String name : names) {
            if (name.equals(Wire.SIGNATURE)) continue;
            String value = Objects.requireNonNull(parameters.get(name), () -> "parameter " + name + " has no value");
            if (!included.test(name)) continue;
            if (!first) out.ascii("%26"); // '&', encoded by the second pass
            first = false;
            out.encodeTwice(name);
            out.ascii("%3D"); // '='
            out.encodeTwice(value);
        }
        return out.toArray();
    }

    /** A growing byte buffer for the string to sign; not ByteArrayOutputStream, whose every write takes a lock. */
    private static final class AsciiBytes {

        private static final byte[] HEX_DIGITS = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
        private static final boolean[] UNRESERVED = new boolean[128];

        static {
            for (int c = 0; c < 128; c++) UNRESERVED[c] = PercentEncoding.isUnreserved(c);
        }

        private byte[] bytes;
        private int length;

        AsciiBytes(int capacity) {
            bytes = new byte[capacity];
        }

        AsciiBytes ascii(String text) {
            room(text.length());
            for (int i = 0; i < text.length(); i++) bytes[length++] = (byte) text.charAt(i);
            return this;
        }

        /** Percent-encodes {@code value}, then encodes the result again: an unreserved byte stays, any other is %25XX. */
        void encodeTwice(String value) {
            room(value.length() * 5);
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c >= 0x80) { // not ASCII: the slow path, over the UTF-8 bytes
                    byte[] utf8 = value.substring(i).getBytes(StandardCharsets.UTF_8);
                    room(utf8.length * 5);
                    for (byte b : utf8) twice(b & 0xFF);
                    return;
                }
                twice(c);
            }
        }

        private void twice(int octet) {
            if (octet < 128 && UNRESERVED[octet]) {
                bytes[length++] = (byte) octet;
            } else {
                bytes[length++] = '%';
                bytes[length++] = '2';
                bytes[length++] = '5';
                bytes[length++] = HEX_DIGITS[octet >> 4];
                bytes[length++] = HEX_DIGITS[octet & 0x0F];
            }
        }

        private void room(int more) {
            if (length + more > bytes.length) bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
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
