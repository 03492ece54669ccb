package dev.sluice.system;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;


/**
 * The one place that decides where Sluice may connect on a tenant's behalf. Every host a tenant names (a data source's
 * JDBC URL today; any endpoint a later module calls) goes through {@link #resolve}: the name is resolved once, the
 * addresses are checked, and the caller connects to the exact address returned, never to the name again, so a DNS
 * answer that changes between check and connect (rebinding) cannot move the connection onto the server's network.
 * <p>
 * Closed by default: loopback, link-local (the cloud metadata service at 169.254.169.254 among them), unspecified,
 * multicast, broadcast and reserved addresses, the private ranges (10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7,
 * fec0::/10), and IPv6 forms that carry one of these IPv4 addresses (mapped, compatible, NAT64, 6to4; Teredo
 * refused outright). The operator opens what an installation needs with {@link AllowedHosts}.
 */
@Component
public class OutboundAddresses {

    private static final Logger log = LoggerFactory.getLogger(OutboundAddresses.class);

    private static final Pattern NUMBER_LABEL = Pattern.compile("0x[0-9a-f]*|[0-9]+");
    private static final Pattern HOST_NAME = Pattern.compile("[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*");

    private record Closed(AddressBlock block, String why) {
    }

    private static final List<Closed> CLOSED_V4 = List.of(
            closed("0.0.0.0/8", "the unspecified address (\"this network\")"),
            closed("127.0.0.0/8", "a loopback address"),
            closed("169.254.0.0/16", "a link-local address (where cloud metadata services answer)"),
            closed("10.0.0.0/8", "a private address"),
            closed("172.16.0.0/12", "a private address"),
            closed("192.168.0.0/16", "a private address"),
            closed("100.64.0.0/10", "a shared (carrier-grade NAT) address"),
            closed("192.0.0.0/24", "a reserved address"),
            closed("198.18.0.0/15", "a reserved (benchmarking) address"),
            closed("224.0.0.0/4", "a multicast address"),
            closed("240.0.0.0/4", "a reserved or broadcast address"));
    private static final List<Closed> CLOSED_V6 = List.of(
            closed("::/128", "the unspecified address"),
            closed("::1/128", "a loopback address"),
            closed("fe80::/10", "a link-local address"),
            closed("fec0::/10", "a private (site-local) address"),
            closed("fc00::/7", "a private (unique local) address"),
            closed("ff00::/8", "a multicast address"),
            closed("2001::/32", "a Teredo tunnel address (it hides an IPv4 address)"),
            closed("64:ff9b:1::/48", "a private (local NAT64) address"));

    private final List<AddressBlock> openBlocks = new ArrayList<>();
    private final List<String> openNames = new ArrayList<>();
    private final List<String> openDomains = new ArrayList<>();

    /** @throws IllegalArgumentException for an entry that is neither an address, a network nor a host name */
    public OutboundAddresses(AllowedHosts allowed) {
        for (String entry : allowed.allowedHosts()) {
            String e = entry.toLowerCase(Locale.ROOT);
            if (e.contains("/") || AddressBlock.literal(e) != null) {
                openBlocks.add(AddressBlock.parse(e));
            } else if (e.startsWith("*.") && HOST_NAME.matcher(stripDot(e.substring(2))).matches()) {
                openDomains.add("." + stripDot(e.substring(2)));
            } else if (HOST_NAME.matcher(stripDot(e)).matches()) {
                openNames.add(stripDot(e));
            } else {
                throw new IllegalArgumentException("sluice.sources.allowed-hosts: '" + entry + "' is neither an IP address, a network (CIDR), "
                        + "a host name nor a domain wildcard (*.example.com)");
            }
        }
    }

    /**
     * Resolves {@code host} once and returns the address to connect to: the first of its addresses that is open.
     *
     * @param host     as the tenant wrote it: a name, an IPv4 address, or an IPv6 address with or without brackets
     * @param item     what named the host, for the refusal (e.g. {@code jdbc.url})
     * @param deadline how long the name may take to resolve
     * @throws dev.sluice.protocol.PopException {@code Forbidden.Host} when no address of the host is open
     * @throws UnknownHostException             when the name does not resolve (in time)
     */
    public InetAddress resolve(String host, String item, Duration deadline) throws UnknownHostException {
        String name = stripDot(host.toLowerCase(Locale.ROOT));
        InetAddress literal = AddressBlock.literal(name);
        if (literal == null && Arrays.stream(name.split("\\.")).allMatch(label -> NUMBER_LABEL.matcher(label).matches())) {
            throw refused(host, item, "write an IPv4 address as four decimal numbers (a.b.c.d); other forms such as 2130706433, "
                    + "0177.0.0.1 or 0x7f.1 are read differently by different resolvers and are not accepted");
        }
        if (literal == null && !HOST_NAME.matcher(name).matches()) throw refused(host, item, "it is not a host name or IP address");
        if (literal != null) {
            if (open(literal)) return literal;
            throw refused(host, item, "it is " + closedBecause(literal));
        }
        InetAddress[] addresses = lookup(name, deadline); // the name as matched: lower case, without a final dot
        if (nameOpen(name)) return addresses[0];
        for (InetAddress address : addresses) {
            if (open(address)) return address;
        }
        throw refused(host, item, "it resolves to " + closedBecause(addresses[0]));
    }

    /** Whether Sluice may connect to {@code address}: a public address, or one the operator opened. */
    public boolean open(InetAddress address) {
        InetAddress embedded = embeddedV4(address);
        for (AddressBlock block : openBlocks) {
            if (block.contains(address) || (embedded != null && block.contains(embedded))) return true;
        }
        return closedBecause(address) == null;
    }

    /** Why {@code address} is closed by default, in words; null for a public address. */
    static String closedBecause(InetAddress address) {
        InetAddress embedded = embeddedV4(address);
        if (embedded != null) {
            String why = closedBecause(embedded);
            return why == null ? null : why + " written as IPv6";
        }
        for (Closed closed : address instanceof Inet4Address ? CLOSED_V4 : CLOSED_V6) {
            if (closed.block().contains(address)) return closed.why();
        }
        return null;
    }

    /** The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 or 6to4), or null. */
    static InetAddress embeddedV4(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length != 16) return null;
        boolean zeros0to9 = allZero(b, 0, 10);
        int from = -1;
        if (zeros0to9 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) from = 12;              // ::ffff:a.b.c.d
        else if (zeros0to9 && b[10] == 0 && b[11] == 0 && !(allZero(b, 12, 15) && (b[15] & 0xff) <= 1)) from = 12; // ::a.b.c.d (not :: or ::1)
        else if (b[0] == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && allZero(b, 4, 12)) from = 12; // 64:ff9b::/96
        else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) from = 2;                        // 2002::/16
        if (from < 0) return null;
        try {
            return InetAddress.getByAddress(Arrays.copyOfRange(b, from, from + 4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an IPv4 address
        }
    }

    private boolean nameOpen(String name) {
        if (openNames.contains(name)) return true;
        return openDomains.stream().anyMatch(name::endsWith);
    }

    private static InetAddress[] lookup(String host, Duration deadline) throws UnknownHostException {
        // Resolvers can stall for many seconds; the lookup runs on its own thread so the check's deadline holds.
        CompletableFuture<InetAddress[]> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("resolve-host").start(() -> {
            try {
                answer.complete(InetAddress.getAllByName(host));
            } catch (Throwable e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            InetAddress[] addresses = answer.get(Math.max(1, deadline.toMillis()), TimeUnit.MILLISECONDS);
            if (addresses.length == 0) throw new UnknownHostException(host);
            return addresses;
        } catch (TimeoutException e) {
            throw new UnknownHostException(host + " (no answer from DNS within " + deadline.toMillis() + " ms)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UnknownHostException(host + " (interrupted)");
        } catch (ExecutionException e) {
            // One wording whatever the resolver said: the JDK words a fresh failure "<host>: Name or service not known"
            // and a cached one "<host>", so an answer would differ by timing alone.
            throw new UnknownHostException(host);
        }
    }

    private static dev.sluice.protocol.PopException refused(String host, String item, String why) {
        log.info("refused a connection to host '{}' named in {}: {}", host, item, why);
        return OutboundErrors.hostRefused(item, host, why).exception();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) return false;
        }
        return true;
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static Closed closed(String cidr, String why) {
        return new Closed(AddressBlock.parse(cidr), why);
    }
}
