/**
 * The RPC endpoint: reads the wire, runs the governance chain, dispatches, writes the envelope.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "catalog", "dispatch", "governance", "metering", "protocol"})
package dev.sluice.gateway;

import org.springframework.modulith.ApplicationModule;
