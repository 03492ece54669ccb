package dev.sluice.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * Reads and writes {@code application/x-www-form-urlencoded} data, which is also the shape of a query string.
 *
 * <p>A name that appears twice is rejected rather than resolved: a signature covers a map of names to single values,
 * so a repeated name would let the value that was signed and the value a handler reads differ. Alibaba Cloud's RPC
 * protocol never repeats a name (lists travel as {@code Name.1}, {@code Name.2}, ...), so no honest client trips this.
 */
public final class FormParameters {

    private FormParameters() {
    }

    /**
     * Decodes {@code a=1&b=x+y%21} into an ordered map. {@code +} is a space, escapes are UTF-8, empty pairs
     * ({@code a=1&&b=2}) are skipped, and a name without {@code =} has the empty value.
     *
     * @throws IllegalArgumentException on a malformed escape, bytes that are not UTF-8, an empty name, or a repeated name
     */
    public static LinkedHashMap<String, String> parse(String encoded) {
        LinkedHashMap<String, String> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) return parameters;
        for (String pair : encoded.split("&", -1)) {
            if (pair.isEmpty()) continue;
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            if (name.isEmpty()) {
                throw new IllegalArgumentException("form data has a parameter with an empty name: '" + pair + "'");
            }
            if (parameters.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("form data repeats the parameter '" + name + "'");
            }
        }
        return parameters;
    }

    /**
     * How many parameters {@link #parse} would find (empty pairs skipped), counted without decoding anything, so a
     * server can refuse a request with too many before spending work on each.
     */
    public static int count(String encoded) {
        if (encoded == null || encoded.isEmpty()) return 0;
        int pairs = 0;
        boolean inPair = false;
        for (int i = 0; i < encoded.length(); i++) {
            if (encoded.charAt(i) == '&') {
                inPair = false;
            } else if (!inPair) {
                inPair = true;
                pairs++;
            }
        }
        return pairs;
    }

    /** Encodes parameters in their iteration order, names and values with {@link PercentEncoding}. */
    public static String format(Map<String, String> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, value) ->
                joined.add(PercentEncoding.encode(name) + "=" + PercentEncoding.encode(Objects.requireNonNull(value, name))));
        return joined.toString();
    }

    /**
     * Joins query and body parameters into the single map a classic RPC signature covers.
     *
     * @throws IllegalArgumentException if a name is in both, for the same reason {@link #parse} rejects repeats
     */
    public static LinkedHashMap<String, String> union(Map<String, String> query, Map<String, String> body) {
        LinkedHashMap<String, String> all = new LinkedHashMap<>(query);
        body.forEach((name, value) -> {
            if (all.putIfAbsent(name, value) != null) {
                throw new IllegalArgumentException("the parameter '" + name + "' is in both the query and the body");
            }
        });
        return all;
    }

    private static String decode(String component) {
        if (component.indexOf('%') < 0 && component.indexOf('+') < 0) return component;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(component.length());
        int i = 0;
        while (i < component.length()) {
            char c = component.charAt(i);
            if (c == '+') {
                bytes.write(' ');
                i++;
            } else if (c == '%') {
                bytes.write(escapedOctet(component, i));
                i += 3;
            } else {
                int runEnd = i;
                while (runEnd < component.length() && component.charAt(runEnd) != '%' && component.charAt(runEnd) != '+') {
                    runEnd++;
                }
                bytes.writeBytes(component.substring(i, runEnd).getBytes(StandardCharsets.UTF_8));
                i = runEnd;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the percent escapes in '" + component + "' are not valid UTF-8", e);
        }
    }

    private static int escapedOctet(String component, int percentAt) {
        if (percentAt + 2 >= component.length()) {
            throw new IllegalArgumentException("malformed percent escape '" + component.substring(percentAt)
                    + "' at the end of '" + component + "': '%' must be followed by two hex digits");
        }
        int high = hexValue(component.charAt(percentAt + 1));
        int low = hexValue(component.charAt(percentAt + 2));
        if (high < 0 || low < 0) {
            throw new IllegalArgumentException("malformed percent escape '" + component.substring(percentAt, percentAt + 3)
                    + "' in '" + component + "': '%' must be followed by two hex digits");
        }
        return (high << 4) | low;
    }

    // Character.digit would also accept non-ASCII digits such as '٣'; an escape is ASCII hex only.
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        return -1;
    }
}
