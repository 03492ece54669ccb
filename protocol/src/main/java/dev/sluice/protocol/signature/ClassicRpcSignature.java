package dev.sluice.protocol.signature;

import dev.sluice.protocol.PercentEncoding;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.Wire;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
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
        return signature(stringToSign(httpMethod, parameters), accessKeySecret);
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
            String withoutEmpty = canonicalizedQuery(parameters, name -> !parameters.get(name).isEmpty());
            if (matches(presented, signature(stringToSign(httpMethod, withoutEmpty), accessKeySecret))) return;
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

    private static String stringToSign(String httpMethod, String canonicalizedQuery) {
        Objects.requireNonNull(httpMethod, "httpMethod");
        return httpMethod + "&" + PercentEncoding.encode("/") + "&" + PercentEncoding.encode(canonicalizedQuery);
    }

    private static boolean matches(String presented, String expected) {
        return MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
