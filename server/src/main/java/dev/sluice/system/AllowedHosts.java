package dev.sluice.system;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sluice.sources.allowed-hosts}: the networks and host names an installation opens to connections Sluice makes
 * for its tenants, beyond public addresses. Comma-separated; each entry is a CIDR ({@code 10.1.0.0/16},
 * {@code fd00::/8}), a single address ({@code 127.0.0.1}, {@code ::1}), a host name ({@code db.internal}) or a domain
 * wildcard ({@code *.db.internal}). Empty by default: loopback, link-local, private and the other special ranges stay
 * closed until the operator names them. Parsed by {@link OutboundAddresses}, so a bad entry stops the server at start.
 */
@ConfigurationProperties("sluice.sources")
public record AllowedHosts(@DefaultValue List<String> allowedHosts) {

    public AllowedHosts {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(String::trim).filter(entry -> !entry.isEmpty()).toList();
    }
}
