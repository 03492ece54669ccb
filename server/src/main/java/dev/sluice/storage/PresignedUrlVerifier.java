package dev.sluice.storage;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks an AWS Signature V4 query-string (presigned) request against the one key pair the embedded store signs with:
 * the algorithm, the credential scope (key id, date, region, {@code s3}), the lifetime (at most 12 h, not expired,
 * not dated in the future beyond a small skew) and the signature over method, path, query and signed headers. Header
 * ({@code Authorization}) signing is not accepted: Sluice hands out presigned URLs only.
 */
final class PresignedUrlVerifier {

    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    private static final Duration SKEW = Duration.ofMinutes(5);

    private final String accessKeyId;
    private final String secretAccessKey;
    private final String region;
    private final Clock clock;

    PresignedUrlVerifier(String accessKeyId, String secretAccessKey, String region, Clock clock) {
        this.accessKeyId = accessKeyId;
        this.secretAccessKey = secretAccessKey;
        this.region = region;
        this.clock = clock;
    }

    /**
     * Verifies the request; answers the payload hash it was signed with ({@link #UNSIGNED_PAYLOAD} or a SHA-256 hex the
     * body must match). Refuses with a {@link StorageDenied} (403) otherwise.
     *
     * @param rawPath  the path exactly as sent (not decoded)
     * @param rawQuery the query exactly as sent
     * @param header   a request header's values by (any-case) name, joined by ',' when repeated; null when absent
     */
    String verify(String method, String rawPath, String rawQuery, Function<String, String> header) {
        if (header.apply("Authorization") != null) {
            throw StorageDenied.accessDenied("Only presigned URLs handed out by Sluice are accepted here.");
        }
        Map<String, String> query = parse(rawQuery);
        if (!ALGORITHM.equals(query.get("X-Amz-Algorithm")) || query.get("X-Amz-Signature") == null) {
            throw StorageDenied.accessDenied("The request is not signed: a presigned URL handed out by Sluice is required.");
        }
        String[] credential = required(query, "X-Amz-Credential").split("/", -1);
        String date = required(query, "X-Amz-Date");
        if (credential.length != 5 || !MessageDigest.isEqual(bytes(credential[0]), bytes(accessKeyId)) || !credential[2].equals(region)
                || !credential[3].equals("s3") || !credential[4].equals("aws4_request") || !date.startsWith(credential[1])) {
            throw StorageDenied.accessDenied("The credential of this URL was not issued by this store.");
        }
        Instant signedAt;
        long expires;
        try {
            signedAt = LocalDateTime.parse(date, AMZ_DATE).toInstant(ZoneOffset.UTC);
            expires = Long.parseLong(required(query, "X-Amz-Expires"));
        } catch (DateTimeParseException | NumberFormatException e) {
            throw StorageDenied.accessDenied("X-Amz-Date or X-Amz-Expires is malformed.");
        }
        if (expires < 1 || expires > ObjectStore.MAX_TTL.toSeconds()) {
            throw StorageDenied.accessDenied("X-Amz-Expires must be between 1 and " + ObjectStore.MAX_TTL.toSeconds() + " seconds.");
        }
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(SKEW))) throw StorageDenied.accessDenied("The URL is dated in the future.");
        if (!now.isBefore(signedAt.plusSeconds(expires))) throw StorageDenied.accessDenied("Request has expired");

        String signedHeaderList = required(query, "X-Amz-SignedHeaders");
        List<String> signedHeaders = List.of(signedHeaderList.split(";", -1));
        if (!signedHeaders.contains("host")) throw StorageDenied.accessDenied("The signature must cover the host.");
        StringBuilder canonicalHeaders = new StringBuilder();
        for (String name : signedHeaders) {
            String value = header.apply(name);
            if (value == null || !name.equals(name.toLowerCase(Locale.ROOT))) {
                throw new StorageDenied(403, "SignatureDoesNotMatch", "A signed header is missing: " + name);
            }
            canonicalHeaders.append(name).append(':').append(value.trim().replaceAll(" +", " ")).append('\n');
        }
        String payload = query.getOrDefault("X-Amz-Content-Sha256", UNSIGNED_PAYLOAD);
        String canonicalRequest = method + "\n" + rawPath + "\n" + canonicalQuery(query) + "\n" + canonicalHeaders + "\n"
                + signedHeaderList + "\n" + payload;
        String scope = credential[1] + "/" + region + "/s3/aws4_request";
        String stringToSign = ALGORITHM + "\n" + date + "\n" + scope + "\n" + HexFormat.of().formatHex(sha256(bytes(canonicalRequest)));
        byte[] key = hmac(bytes("AWS4" + secretAccessKey), credential[1]);
        key = hmac(key, region);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
        if (!MessageDigest.isEqual(bytes(expected), bytes(query.get("X-Amz-Signature")))) {
            throw new StorageDenied(403, "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you provided.");
        }
        return payload;
    }

    private static String required(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) throw StorageDenied.accessDenied("The presigned URL lacks " + name + ".");
        return value;
    }

    /** Decoded query parameters; a repeated one is refused (a presigned URL never repeats one). */
    private static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) return query;
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (query.put(name, value) != null) throw StorageDenied.accessDenied("The query repeats " + name + ".");
        }
        return query;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw StorageDenied.accessDenied("The query is not well encoded.");
        }
    }

    /** Every parameter but the signature, names and values encoded as SigV4 says, sorted by name. */
    private static String canonicalQuery(Map<String, String> query) {
        Map<String, String> encoded = new TreeMap<>();
        query.forEach((name, value) -> {
            if (!name.equals("X-Amz-Signature")) encoded.put(encode(name), encode(value));
        });
        List<String> pairs = new ArrayList<>();
        encoded.forEach((name, value) -> pairs.add(name + "=" + value));
        return String.join("&", pairs);
    }

    private static String encode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes(text)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return out.toString();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(bytes(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
