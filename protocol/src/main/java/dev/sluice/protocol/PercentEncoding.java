package dev.sluice.protocol;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Percent encoding as Alibaba Cloud specifies it for both request signatures: RFC 3986, where only the unreserved
 * characters {@code A-Z a-z 0-9 - _ . ~} stay as they are and every other UTF-8 byte becomes {@code %XX} in upper-case
 * hex. Unlike {@link java.net.URLEncoder} a space is {@code %20}, {@code *} is {@code %2A} and {@code ~} stays.
 */
public final class PercentEncoding {

    private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {
    }

    public static String encode(String value) {
        Objects.requireNonNull(value, "value");
        if (isAllUnreserved(value)) return value;
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder encoded = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int octet = b & 0xFF;
            if (isUnreserved(octet)) {
                encoded.append((char) octet);
            } else {
                encoded.append('%').append(HEX_DIGITS[octet >> 4]).append(HEX_DIGITS[octet & 0x0F]);
            }
        }
        return encoded.toString();
    }

    private static boolean isAllUnreserved(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!isUnreserved(value.charAt(i))) return false;
        }
        return true;
    }

    /** True for {@code A-Z a-z 0-9 - _ . ~}, the characters that are never encoded. */
    public static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '_' || c == '.' || c == '~';
    }
}
