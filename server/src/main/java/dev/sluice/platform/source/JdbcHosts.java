package dev.sluice.platform.source;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sluice.system.OutboundErrors;
import dev.sluice.system.OutboundAddresses;

/**
 * The hosts a JDBC URL names (PostgreSQL and MySQL/MariaDB, each possibly several; a remote H2 server), and the same
 * URL pinned: every host replaced by the address {@link OutboundAddresses} checked, written as an IP literal, so the
 * driver connects exactly there and never asks DNS again. Embedded databases (H2 files, DuckDB) name no host.
 */
final class JdbcHosts {

    static final String ITEM = "jdbc.url";

    /** One host as written (IPv6 without its brackets) and its port, or -1 for the driver's default. */
    record HostPort(String host, int port) {
    }

    /** A URL cut around its host list: {@code head + hosts + tail}. */
    record Parsed(String head, List<HostPort> hosts, String tail) {
    }

    private static final Pattern NETWORK = Pattern.compile("(jdbc:(?:postgresql|mariadb|mysql)://)([^/?#]*)(.*)", Pattern.DOTALL);
    private static final Pattern H2_REMOTE = Pattern.compile("(jdbc:h2:(?:tcp|ssl)://)([^/;]*)(.*)", Pattern.DOTALL);
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Za-z:.%_-]+]|[A-Za-z0-9._-]+)(?::([0-9]{1,5}))?");
    /** PostgreSQL's driver reads these from the query too, and they would replace the hosts that were checked. */
    private static final Set<String> HOST_OPTIONS = Set.of("pghost", "pgport", "service");

    private JdbcHosts() {
    }

    /**
     * @return the URL's hosts, or empty for an embedded database
     * @throws dev.sluice.protocol.PopException {@code Forbidden.Host} for a host list that is not plain {@code host[:port],...}
     */
    static Optional<Parsed> parse(Reach reach, String url) {
        Matcher m = switch (reach) {
            case POSTGRESQL, MARIADB -> NETWORK.matcher(url);
            case H2 -> H2_REMOTE.matcher(url);
            case DUCKDB, NONE -> null;
        };
        if (m == null || !m.matches()) {
            if (reach == Reach.POSTGRESQL || reach == Reach.MARIADB) throw refused(url, "the URL names no host Sluice can read");
            return Optional.empty();
        }
        List<HostPort> hosts = new ArrayList<>();
        for (String written : m.group(2).split(",", -1)) {
            Matcher hp = HOST_PORT.matcher(written.trim());
            int port = hp.matches() && hp.group(2) != null ? Integer.parseInt(hp.group(2)) : -1;
            if (!hp.matches() || port > 65535) {
                throw refused(written, "write each host as host[:port] (IPv6 in brackets); forms such as address=(...) are not accepted");
            }
            String host = hp.group(1).startsWith("[") ? hp.group(1).substring(1, hp.group(1).length() - 1) : hp.group(1);
            hosts.add(new HostPort(host, port));
        }
        String tail = m.group(3);
        if (reach == Reach.POSTGRESQL && tail.contains("?")) {
            for (String pair : tail.substring(tail.indexOf('?') + 1).split("&")) {
                String option = pair.split("=", 2)[0].trim();
                if (HOST_OPTIONS.contains(option.toLowerCase(Locale.ROOT))) {
                    throw refused(pair, "hosts are named in the URL's host list, not by the option " + option);
                }
            }
        }
        return Optional.of(new Parsed(m.group(1), List.copyOf(hosts), tail));
    }

    /**
     * The target with every host of its URL resolved once, checked, and written as the address checked.
     *
     * @throws dev.sluice.protocol.PopException {@code Forbidden.Host} when a host is closed to Sluice
     * @throws UnknownHostException             when a host does not resolve
     */
    static JdbcTarget pin(JdbcTarget target, OutboundAddresses addresses, Duration deadline) throws UnknownHostException {
        Optional<Parsed> parsed = parse(target.reach(), target.url());
        if (parsed.isEmpty()) return target;
        StringBuilder url = new StringBuilder(parsed.get().head());
        List<HostPort> hosts = parsed.get().hosts();
        for (int i = 0; i < hosts.size(); i++) {
            if (i > 0) url.append(',');
            url.append(literal(addresses.resolve(hosts.get(i).host(), ITEM, deadline)));
            if (hosts.get(i).port() >= 0) url.append(':').append(hosts.get(i).port());
        }
        url.append(parsed.get().tail());
        return new JdbcTarget(target.reach(), url.toString(), target.user(), target.password());
    }

    private static String literal(InetAddress address) {
        String text = address.getHostAddress();
        if (!(address instanceof Inet6Address)) return text;
        int zone = text.indexOf('%');
        return "[" + (zone < 0 ? text : text.substring(0, zone)) + "]";
    }

    private static dev.sluice.protocol.PopException refused(String host, String why) {
        return OutboundErrors.hostRefused(ITEM, host, why).exception();
    }
}
