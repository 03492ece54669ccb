package dev.sluice.platform.source;

/** One connection configuration item, {@code Key}/{@code Value} on the wire. */
public record ConfigItem(String key, String value) {

    /**
     * Whether the item's name alone says it holds a secret. Where the source type is known, {@link SourceConfig#secret}
     * decides (it adds what the type declares, see {@link SecretItems}); this is for a log line of a lone item.
     */
    public boolean secret() {
        return SecretItems.byName(key);
    }

    @Override
    public String toString() {
        return key + "=" + (secret() ? "******" : value);
    }
}
