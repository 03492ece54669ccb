/**
 * The O&M center: the scheduler that runs what was published (instances per business date, dependencies, reruns,
 * backfills, on one node or many), the operations on nodes and instances, and alerts.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "alerts", "dispatch", "protocol", "system", "runner", "platform", "platform :: project",
        "develop", "develop :: version", "develop :: batch", "develop :: tree"})
package dev.sluice.operations;

import org.springframework.modulith.ApplicationModule;
