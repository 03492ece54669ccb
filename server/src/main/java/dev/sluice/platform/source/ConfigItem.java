package dev.sluice.platform.source;

import java.util.Locale;

/** One connection configuration item, {@code Key}/{@code Value} on the wire. */
public record ConfigItem(String key, String value) {

    /**
     * Whether the item holds a secret: a password, an AccessKey secret, a token, a private key. Secrets are sealed at
     * rest and never shown; the rule goes by name so types Sluice has no client for are protected too.
     */
    public boolean secret() {
        String k = key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        return k.contains("password") || k.contains("passwd") || k.contains("secret") || k.endsWith("token")
                || k.contains("privatekey") || k.contains("credential");
    }

    @Override
    public String toString() {
        return key + "=" + (secret() ? "******" : value);
    }
}
