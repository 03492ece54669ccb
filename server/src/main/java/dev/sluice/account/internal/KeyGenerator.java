package dev.sluice.account.internal;

import java.security.SecureRandom;

/** Random identifiers in the shapes Alibaba Cloud uses, so existing tooling accepts them. */
public final class KeyGenerator {

    private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyGenerator() {
    }

    public static String accessKeyId() {
        return "LTAI" + random(20);
    }

    public static String accessKeySecret() {
        return random(30);
    }

    /** A 16-digit numeric id, like an Alibaba Cloud account UID, for a user's source system identity. */
    public static String sourceUserId() {
        StringBuilder out = new StringBuilder("1");
        for (int i = 0; i < 15; i++) out.append(RANDOM.nextInt(10));
        return out.toString();
    }

    private static String random(int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) out[i] = ALPHANUMERIC[RANDOM.nextInt(ALPHANUMERIC.length)];
        return new String(out);
    }
}
