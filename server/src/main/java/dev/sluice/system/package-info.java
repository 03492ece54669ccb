/**
 * Data directory, master key, clock, background jobs.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"protocol"})
package dev.sluice.system;

import org.springframework.modulith.ApplicationModule;
