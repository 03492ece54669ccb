package dev.sluice.platform.source;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.sluice.protocol.PopException;

/**
 * Where a configuration points and as whom: what a stored secret was given for. For the types Sluice connects to,
 * the JDBC URL's driver, hosts and ports (default ports filled in), database or file, and the user (the
 * {@code jdbc.username} item or the URL's {@code user} option); options such as {@code sslmode} are not part of it.
 * For the other types, every item whose key names an endpoint, a database or an identity (host, endpoint, url, port,
 * database, project, user, access key id, ...). Two configurations with equal addresses may share a secret.
 */
record SourceAddress(String target, List<String> hosts, String database, String user, Map<String, String> endpoint) {

    private static final Pattern ENDPOINT_KEY = Pattern.compile(".*(host|endpoint|url|uri|address|server|port|broker|bootstrap|database|"
            + "dbname|instance|project|region|bucket|cluster|namespace|user|accesskeyid|principal|account|tenant).*");

    static SourceAddress of(SourceConfig config) {
        return config.jdbc().map(SourceAddress::ofJdbc).orElseGet(() -> ofItems(config));
    }

    private static SourceAddress ofJdbc(JdbcTarget target) {
        String url = target.url();
        JdbcHosts.Parsed parsed;
        try {
            parsed = JdbcHosts.parse(target.reach(), url).orElse(null);
        } catch (PopException unreadable) {
            return new SourceAddress(url, List.of(), null, user(target, url), Map.of()); // any change of such a URL counts as a move
        }
        if (parsed == null) {
            // An embedded database: the file (or memory) is the address; H2 settings after ';' are not.
            return new SourceAddress(url.split(";", 2)[0], List.of(), null, user(target, url), Map.of());
        }
        int defaultPort = switch (target.reach()) {
            case POSTGRESQL -> 5432;
            case MARIADB -> 3306;
            default -> 9092;
        };
        List<String> hosts = parsed.hosts().stream()
                .map(h -> h.host().toLowerCase(Locale.ROOT) + ":" + (h.port() < 0 ? defaultPort : h.port())).toList();
        String database = parsed.tail().split("[?;#]", 2)[0].replaceFirst("^/", "");
        return new SourceAddress(parsed.head(), hosts, database, user(target, url), Map.of());
    }

    private static String user(JdbcTarget target, String url) {
        if (target.user() != null && !target.user().isBlank()) return target.user().trim();
        int query = url.indexOf('?');
        if (query < 0) return null;
        for (String pair : url.substring(query + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("user")) return kv[1].trim();
        }
        return null;
    }

    private static SourceAddress ofItems(SourceConfig config) {
        Map<String, String> endpoint = new TreeMap<>();
        for (ConfigItem item : config.items()) {
            if (config.secret(item)) continue; // the type's own declaration, as storing and showing use
            String key = item.key().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (ENDPOINT_KEY.matcher(key).matches()) endpoint.put(key, item.value() == null ? "" : item.value().trim());
        }
        return new SourceAddress(null, List.of(), null, null, endpoint);
    }
}
