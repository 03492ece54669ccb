package dev.sluice.platform.source;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.system.SecretCipher;

/**
 * The configuration items of compute and data sources. Secret values are sealed with the master key and bound to
 * their row and key, so a ciphertext moved onto another source or item no longer opens.
 */
@Component
public class ConfigItemStore {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    ConfigItemStore(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Stores the items of a checked configuration; what its type declares secret (see {@link SecretItems}) is sealed. */
    public void replace(SourceKind kind, long sourceId, SourceConfig config) {
        store(kind, sourceId, config.items(), config::secret);
    }

    /** Stores items without their type: then whatever any type declares secret is sealed (never less than by type). */
    public void replace(SourceKind kind, long sourceId, List<ConfigItem> items) {
        store(kind, sourceId, items, ConfigItem::secret);
    }

    private void store(SourceKind kind, long sourceId, List<ConfigItem> items, Predicate<ConfigItem> secretItem) {
        delete(kind, sourceId);
        for (int i = 0; i < items.size(); i++) {
            ConfigItem item = items.get(i);
            String key = item.key().trim();
            boolean secret = secretItem.test(item);
            String value = secret ? cipher.encrypt(item.value(), boundTo(kind, sourceId, key)) : item.value();
            jdbc.sql("insert into source_config_item (source_kind, source_id, seq, item_key, item_value, secret) "
                            + "values (:kind, :id, :seq, :key, :value, :secret)")
                    .param("kind", kind.name()).param("id", sourceId).param("seq", i).param("key", key)
                    .param("value", value).param("secret", secret).update();
        }
    }

    /** Every item of one source with secrets opened: for connecting, never for answering. */
    public List<ConfigItem> load(SourceKind kind, long sourceId) {
        return loadAll(kind, List.of(sourceId)).getOrDefault(sourceId, List.of());
    }

    public Map<Long, List<ConfigItem>> loadAll(SourceKind kind, Collection<Long> sourceIds) {
        Map<Long, List<ConfigItem>> bySource = new HashMap<>();
        if (sourceIds.isEmpty()) return bySource;
        jdbc.sql("select source_id, item_key, item_value, secret from source_config_item "
                        + "where source_kind = :kind and source_id in (:ids) order by source_id, seq")
                .param("kind", kind.name()).param("ids", sourceIds)
                .query((rs, n) -> {
                    long id = rs.getLong("source_id");
                    String key = rs.getString("item_key");
                    String value = rs.getBoolean("secret") ? cipher.decrypt(rs.getString("item_value"), boundTo(kind, id, key))
                            : rs.getString("item_value");
                    bySource.computeIfAbsent(id, x -> new ArrayList<>()).add(new ConfigItem(key, value));
                    return null;
                }).list();
        return bySource;
    }

    public void delete(SourceKind kind, long sourceId) {
        jdbc.sql("delete from source_config_item where source_kind = :kind and source_id = :id")
                .param("kind", kind.name()).param("id", sourceId).update();
    }

    private static String boundTo(SourceKind kind, long sourceId, String key) {
        return "source:" + kind + ":" + sourceId + ":" + key;
    }
}
