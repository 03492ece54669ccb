package dev.sluice.platform.source;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopErrors;

/** Turns the {@code Type} and configuration items of a request into a checked {@link SourceConfig}. */
@Component
public class SourceConfigs {

    private static final int MAX_ITEMS = 200;

    private final JdbcUrlRules urls;

    SourceConfigs(JdbcUrlRules urls) {
        this.urls = urls;
    }

    /**
     * @param typePath  wire path of the type, e.g. {@code CreateCommand.Type}
     * @param itemsPath wire path of the items, e.g. {@code CreateCommand.ConfigList}
     */
    public SourceConfig check(String typeName, List<ConfigItem> items, String typePath, String itemsPath) {
        SourceType type = SourceTypes.parse(typeName, typePath);
        if (items.size() > MAX_ITEMS) throw PopErrors.invalidParameter(itemsPath, "at most " + MAX_ITEMS + " items, got " + items.size()).exception();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ConfigItem item = items.get(i);
            String key = item.key().trim();
            if (key.length() > 128) throw PopErrors.invalidParameter(itemsPath + "[" + i + "].Key", "at most 128 characters").exception();
            if (item.value().length() > 2000) throw PopErrors.invalidParameter(itemsPath + "[" + i + "].Value", "at most 2000 characters").exception();
            if (!seen.add(key.toLowerCase(Locale.ROOT))) {
                throw PopErrors.invalidParameter(itemsPath + "[" + i + "].Key", "the key '" + key + "' is given twice").exception();
            }
            if (!SecretItems.secret(type, key) && SecretItems.carriesCredential(item.value())) {
                throw PopErrors.invalidParameter(itemsPath + "[" + i + "].Value", "the item '" + key + "' carries a credential "
                        + "(user:password@ or password=), which would be stored and shown in the clear; give it in its own item, e.g. jdbc.password").exception();
            }
        }
        if (!type.checkable()) return new SourceConfig(type, items, null);
        int urlAt = indexOf(items, SourceConfig.URL_KEYS);
        if (urlAt < 0) {
            throw PopErrors.invalidParameter(itemsPath, "a " + type.name() + " source needs the item 'jdbc.url'").exception();
        }
        String urlPath = itemsPath + "[" + urlAt + "].Value";
        String connectUrl = urls.check(type.reach(), items.get(urlAt).value(), urlPath);
        // The driver lets the URL's user win over the one Sluice passes: one place only, so what is shown is what connects.
        if (JdbcUrlRules.namesUser(connectUrl) && indexOf(items, SourceConfig.USER_KEYS) >= 0) {
            throw PopErrors.invalidParameter(urlPath, "jdbc.url: the user is named both in the URL and in the item jdbc.username; name it once").exception();
        }
        return new SourceConfig(type, items, connectUrl);
    }

    private static int indexOf(List<ConfigItem> items, List<String> keys) {
        for (String key : keys) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).key().trim().toLowerCase(Locale.ROOT).equals(key)) return i;
            }
        }
        return -1;
    }
}
