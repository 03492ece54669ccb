package dev.sluice.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;

/** The outbound allow-list on literals (no DNS) and on localhost (the hosts file): what is closed, and what an operator opens. */
class OutboundAddressesTest {

    static final Duration DEADLINE = Duration.ofSeconds(2);
    final OutboundAddresses strict = new OutboundAddresses(new AllowedHosts(List.of()));

    static String refusal(OutboundAddresses addresses, String host) {
        try {
            addresses.resolve(host, "jdbc.url", DEADLINE);
        } catch (PopException e) {
            assertThat(e.error().code()).isEqualTo("Forbidden.Host");
            assertThat(e.error().httpStatus()).isEqualTo(403);
            return e.error().message();
        } catch (Exception e) {
            throw new AssertionError(host + " was not refused but failed: " + e);
        }
        throw new AssertionError(host + " was not refused");
    }

    @Test
    void specialAddressesAreClosedByDefault() {
        assertThat(refusal(strict, "127.0.0.1")).contains("loopback");
        assertThat(refusal(strict, "127.8.9.10")).contains("loopback");
        assertThat(refusal(strict, "169.254.169.254")).contains("link-local");
        assertThat(refusal(strict, "0.0.0.0")).contains("unspecified");
        assertThat(refusal(strict, "10.0.0.1")).contains("private");
        assertThat(refusal(strict, "172.31.255.1")).contains("private");
        assertThat(refusal(strict, "192.168.1.1")).contains("private");
        assertThat(refusal(strict, "100.64.0.1")).contains("carrier-grade");
        assertThat(refusal(strict, "224.0.0.1")).contains("multicast");
        assertThat(refusal(strict, "255.255.255.255")).contains("broadcast");
        assertThat(refusal(strict, "::1")).contains("loopback");
        assertThat(refusal(strict, "[::1]")).contains("loopback");
        assertThat(refusal(strict, "::")).contains("unspecified");
        assertThat(refusal(strict, "fe80::1%1")).contains("link-local");
        assertThat(refusal(strict, "fd12:3456::1")).contains("private");
        assertThat(refusal(strict, "ff02::1")).contains("multicast");
        assertThat(refusal(strict, "localhost")).contains("resolves to", "loopback");
    }

    @Test
    void ipv6FormsOfClosedIpv4AddressesAreClosed() {
        assertThat(refusal(strict, "::ffff:127.0.0.1")).contains("loopback");
        assertThat(refusal(strict, "[::ffff:a9fe:a9fe]")).contains("link-local");
        assertThat(refusal(strict, "::10.0.0.1")).contains("private");
        assertThat(refusal(strict, "64:ff9b::a9fe:a9fe")).contains("link-local");
        assertThat(refusal(strict, "2002:7f00:1::1")).contains("loopback");
        assertThat(refusal(strict, "2001:0:4136:e378::1")).contains("Teredo");
    }

    @Test
    void ambiguousNumericFormsAreRefusedBeforeAnyLookup() {
        for (String host : List.of("2130706433", "0177.0.0.1", "0x7f.0.0.1", "0x7f000001", "127.1", "017700000001", "1.2.3.4.5")) {
            assertThat(refusal(strict, host)).as(host).contains("four decimal numbers");
        }
        assertThat(refusal(strict, "db;evil")).contains("not a host name");
        assertThat(refusal(strict, "")).contains("not a host name");
    }

    @Test
    void publicAddressesAreOpenAndReturnedAsWritten() throws Exception {
        assertThat(strict.resolve("93.184.216.34", "jdbc.url", DEADLINE).getHostAddress()).isEqualTo("93.184.216.34");
        assertThat(strict.resolve("[2606:4700::1111]", "jdbc.url", DEADLINE)).isEqualTo(InetAddress.getByName("2606:4700::1111"));
        assertThat(strict.open(InetAddress.getByName("8.8.8.8"))).isTrue();
        assertThat(strict.open(InetAddress.getByName("172.32.0.1"))).isTrue();
    }

    @Test
    void theOperatorOpensNetworksAddressesAndNames() throws Exception {
        OutboundAddresses open = new OutboundAddresses(new AllowedHosts(List.of("127.0.0.1/32", " 10.1.0.0/16", "fd00::/8", "::1", "localhost", "*.db.internal")));
        assertThat(open.resolve("127.0.0.1", "jdbc.url", DEADLINE).getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(open.resolve("::ffff:127.0.0.1", "jdbc.url", DEADLINE).getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(open.resolve("10.1.2.3", "jdbc.url", DEADLINE).getHostAddress()).isEqualTo("10.1.2.3");
        assertThat(open.resolve("[::1]", "jdbc.url", DEADLINE)).isEqualTo(InetAddress.getByName("::1"));
        assertThat(open.resolve("fd00::5", "jdbc.url", DEADLINE)).isEqualTo(InetAddress.getByName("fd00::5"));
        assertThat(open.resolve("LOCALHOST.", "jdbc.url", DEADLINE).isLoopbackAddress()).isTrue();
        // Only what was named opens: the rest of the special ranges stays closed.
        assertThat(refusal(open, "127.0.0.2")).contains("loopback");
        assertThat(refusal(open, "10.2.0.1")).contains("private");
        assertThat(refusal(open, "169.254.169.254")).contains("link-local");
        assertThat(refusal(open, "0177.0.0.1")).contains("four decimal numbers");
    }

    @Test
    void aBadEntryStopsTheServerAtStart() {
        assertThatThrownBy(() -> new OutboundAddresses(new AllowedHosts(List.of("10.0.0.0/33")))).hasMessageContaining("prefix");
        assertThatThrownBy(() -> new OutboundAddresses(new AllowedHosts(List.of("db host")))).hasMessageContaining("allowed-hosts");
        assertThatThrownBy(() -> new OutboundAddresses(new AllowedHosts(List.of("nope/8")))).hasMessageContaining("not an IP");
    }
}
