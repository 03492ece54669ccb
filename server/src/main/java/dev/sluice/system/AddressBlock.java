package dev.sluice.system;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** A network in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}), or one address (a /32 or /128). */
final class AddressBlock {

    private static final Pattern DOTTED_QUAD = Pattern.compile("(0|[1-9][0-9]{0,2})(\\.(0|[1-9][0-9]{0,2})){3}");

    private final byte[] network;
    private final int prefix;

    private AddressBlock(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /** @throws IllegalArgumentException when {@code cidr} is not an address or network written as digits */
    static AddressBlock parse(String cidr) {
        int slash = cidr.indexOf('/');
        String address = slash < 0 ? cidr : cidr.substring(0, slash);
        InetAddress parsed = literal(address);
        if (parsed == null) throw new IllegalArgumentException("'" + cidr + "' is not an IP address or network");
        int bits = parsed.getAddress().length * 8;
        int prefix = bits;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > bits) throw new IllegalArgumentException("'" + cidr + "' has no valid prefix length (0 to " + bits + ")");
        }
        return new AddressBlock(parsed.getAddress(), prefix);
    }

    /**
     * The address an IP literal names, without any DNS lookup; null for anything else. IPv4 only as four decimal
     * numbers (no octal, hexadecimal or single-number forms, which resolvers read in different ways).
     */
    static InetAddress literal(String text) {
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        int zone = bare.indexOf('%');
        if (zone >= 0) bare = bare.substring(0, zone);
        boolean v4 = DOTTED_QUAD.matcher(bare).matches();
        boolean v6 = bare.contains(":") && bare.matches("[0-9A-Fa-f:.]+");
        if (!v4 && !v6) return null;
        try {
            return InetAddress.getByName(bare); // a literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) return false;
        int whole = prefix / 8;
        for (int i = 0; i < whole; i++) {
            if (bytes[i] != network[i]) return false;
        }
        int rest = prefix % 8;
        if (rest == 0) return true;
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[whole] & mask) == (network[whole] & mask);
    }
}
