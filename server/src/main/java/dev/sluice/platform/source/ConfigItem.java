package dev.sluice.platform.source;

/** One connection configuration item, {@code Key}/{@code Value} on the wire. */
public record ConfigItem(String key, String value) {

    /**
     * Whether the item may hold a secret, judged without its source type (what any type declares secret counts). Where
     * the type is known, {@link SourceConfig#secret} decides (see {@link SecretItems}); this is for a log line of a lone item.
     */
    public boolean secret() {
        return SecretItems.byName(key);
    }

    @Override
    public String toString() {
        return key + "=" + (secret() ? "******" : value);
    }
}
