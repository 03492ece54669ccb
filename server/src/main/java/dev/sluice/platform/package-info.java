/**
 * The Platform management operations, one sub-package per group of the catalog; other modules see its base
 * package and the {@code project} and {@code datasource} named interfaces.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "dispatch", "protocol", "system"})
package dev.sluice.platform;

import org.springframework.modulith.ApplicationModule;
