package dev.sluice.storage;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Object keys are {@code <tenant>/<project>/<random>/<name>}: the tenant and project scope every object, the random
 * part (128 bits) makes each credential's key new and unguessable. Names are a few safe characters in '/'-separated
 * segments, so no key can climb out of its folder or mean two things on a file system and in a URL.
 */
public final class ObjectKeys {

    public static final int MAX_NAME_LENGTH = 200;

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");
    private static final Pattern KEY = Pattern.compile("(\\d{1,19})/(\\d{1,19})/([0-9a-f]{32})/(.+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private ObjectKeys() {
    }

    /** A new key for {@code name} in the project; the name must be valid. */
    public static String newKey(long tenantId, long projectId, String name) {
        requireValidName(name);
        byte[] random = new byte[16];
        RANDOM.nextBytes(random);
        return tenantId + "/" + projectId + "/" + HexFormat.of().formatHex(random) + "/" + name;
    }

    /**
     * Refuses (IllegalArgumentException, worded for a user) a name that is empty, longer than
     * {@value #MAX_NAME_LENGTH}, starts with '/', or has a segment that is empty, {@code .}, {@code ..} or holds other
     * characters than letters, digits, '.', '_' and '-' (none may start with '.' or '-').
     */
    public static void requireValidName(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("the object name is empty");
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("the object name is longer than " + MAX_NAME_LENGTH + " characters");
        }
        if (name.startsWith("/")) throw new IllegalArgumentException("the object name may not start with '/'");
        for (String segment : name.split("/", -1)) {
            if (!SEGMENT.matcher(segment).matches()) {
                throw new IllegalArgumentException("the object name may hold only letters, digits, '.', '_' and '-' in '/'-separated "
                        + "parts that do not start with '.' or '-' (no '..')");
            }
        }
    }

    /** Whether {@code key} is a well-formed key (as {@link #newKey} makes them). */
    public static boolean isValidKey(String key) {
        if (key == null) return false;
        var matcher = KEY.matcher(key);
        if (!matcher.matches()) return false;
        try {
            requireValidName(matcher.group(4));
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Whether {@code key} is a well-formed key of that tenant's project. */
    public static boolean belongsTo(String key, long tenantId, long projectId) {
        return isValidKey(key) && key.startsWith(tenantId + "/" + projectId + "/");
    }
}
