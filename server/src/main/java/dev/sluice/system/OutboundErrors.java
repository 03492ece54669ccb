package dev.sluice.system;

import dev.sluice.protocol.PopError;

/** The refusal of a connection Sluice would open for a tenant: raised by {@link OutboundAddresses} and the callers naming hosts for it. */
public final class OutboundErrors {

    private OutboundErrors() {
    }

    /** A connection Sluice would open for a tenant names an address the operator has not opened (loopback, private, ...). */
    public static PopError hostRefused(String item, String host, String why) {
        return new PopError("Forbidden.Host", 403, "The host '" + host + "' in " + item + " is refused: " + why + ".",
                "Name a host with a public address, or ask the operator to add the host or its network to sluice.sources.allowed-hosts.");
    }
}
