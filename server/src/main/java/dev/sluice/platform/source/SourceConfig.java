package dev.sluice.platform.source;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A checked connection configuration of one type: its items in the order given, secrets included (in memory only).
 * For types Sluice can reach, the JDBC URL was checked by {@link JdbcUrlRules} and {@link #jdbc()} tells how to connect.
 */
public final class SourceConfig {

    static final List<String> URL_KEYS = List.of("jdbc.url", "jdbcurl", "url");
    static final List<String> USER_KEYS = List.of("jdbc.username", "username", "user");
    static final List<String> PASSWORD_KEYS = List.of("jdbc.password", "password");

    private final SourceType type;
    private final List<ConfigItem> items;
    private final String connectUrl;

    SourceConfig(SourceType type, List<ConfigItem> items, String connectUrl) {
        this.type = type;
        this.items = List.copyOf(items);
        this.connectUrl = connectUrl;
    }

    /** A stored configuration, trusted as it was checked when it was saved. */
    public static SourceConfig stored(SourceType type, List<ConfigItem> items) {
        return new SourceConfig(type, items, value(items, URL_KEYS).map(u -> u.trim().replaceFirst("^jdbc:mysql://", "jdbc:mariadb://")).orElse(null));
    }

    public SourceType type() {
        return type;
    }

    /** Every item, secrets included: for storing (sealed) and connecting only. */
    public List<ConfigItem> items() {
        return items;
    }

    /** The items a caller may see: everything but secrets. */
    public List<ConfigItem> shown() {
        return items.stream().filter(i -> !secret(i)).toList();
    }

    /** Whether the item is a secret of this type: sealed at rest, never shown (see {@link SecretItems}). */
    public boolean secret(ConfigItem item) {
        return SecretItems.secret(type, item.key().trim());
    }

    public Optional<String> value(String key) {
        return value(items, List.of(key.toLowerCase(Locale.ROOT)));
    }

    public Optional<JdbcTarget> jdbc() {
        if (!type.checkable() || connectUrl == null) return Optional.empty();
        return Optional.of(new JdbcTarget(type.reach(), connectUrl, value(items, USER_KEYS).orElse(null),
                value(items, PASSWORD_KEYS).orElse(null)));
    }

    /**
     * This configuration with the secrets of {@code stored} put back where an update left them out, so that a client
     * can send back the items it was shown (which never include secrets) without erasing the password.
     */
    public SourceConfig keepingSecretsOf(List<ConfigItem> stored) {
        Set<String> given = new HashSet<>();
        items.forEach(i -> given.add(i.key().toLowerCase(Locale.ROOT)));
        List<ConfigItem> merged = new ArrayList<>(items);
        for (ConfigItem old : stored) {
            if (secret(old) && !given.contains(old.key().toLowerCase(Locale.ROOT))) merged.add(old);
        }
        return new SourceConfig(type, merged, connectUrl);
    }

    static Optional<String> value(List<ConfigItem> items, List<String> keys) {
        for (String key : keys) {
            for (ConfigItem item : items) {
                if (item.key().toLowerCase(Locale.ROOT).equals(key)) return Optional.ofNullable(item.value());
            }
        }
        return Optional.empty();
    }
}
