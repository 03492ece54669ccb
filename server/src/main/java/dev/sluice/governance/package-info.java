/**
 * The admission chain, one class per step; in {@code governance.cluster}, the Redis counters, nonces and the
 * ledger rebuild (internal to this module).
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "catalog", "dispatch", "metering", "plan", "protocol"})
package dev.sluice.governance;

import org.springframework.modulith.ApplicationModule;
