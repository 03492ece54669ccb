package dev.sluice.platform.source;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What an update keeps of a source's stored secrets. A client may send back the items it was shown, which never
 * include secrets, and the stored ones stay. But a password was given for one address: an update that moves the
 * source to another host, port, database or user ({@link SourceAddress}) keeps no secret unless the caller sends it
 * again, or anyone allowed to edit the URL could point it at a server of their own and receive the password there.
 */
public final class KeptSecrets {

    private final SourceConfig config;
    private final List<String> dropped;

    private KeptSecrets(SourceConfig config, List<String> dropped) {
        this.config = config;
        this.dropped = dropped;
    }

    /**
     * @param given  the checked configuration of the update
     * @param stored the source's stored items, secrets opened
     */
    public static KeptSecrets merge(SourceConfig given, List<ConfigItem> stored) {
        SourceConfig kept = given.keepingSecretsOf(stored);
        if (SourceAddress.of(given).equals(SourceAddress.of(SourceConfig.stored(given.type(), stored)))) return new KeptSecrets(kept, List.of());
        Set<String> sent = new HashSet<>();
        given.items().forEach(item -> sent.add(item.key().trim().toLowerCase(Locale.ROOT)));
        List<String> dropped = kept.items().stream().map(item -> item.key().trim())
                .filter(key -> !sent.contains(key.toLowerCase(Locale.ROOT))).toList();
        return new KeptSecrets(given, dropped);
    }

    /** The configuration to store. */
    public SourceConfig config() {
        return config;
    }

    /** Keys of the stored secret items the update dropped; empty when the address stayed or every secret was sent again. */
    public List<String> dropped() {
        return dropped;
    }

    /** What the answer's {@code Message} says: null (the envelope's "successful") unless secrets were dropped. */
    public String message() {
        if (dropped.isEmpty()) return null;
        return "successful; the source now points to another host, port, database or user, so its stored secret items were dropped: "
                + String.join(", ", dropped) + ". Send them again to connect with them.";
    }
}
