/**
 * The operations (action, module, group, level, minimum edition, read/write, parameters) and the generic
 * parameter validation; it depends on no other module, so every module may read it.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"protocol"})
package dev.sluice.catalog;

import org.springframework.modulith.ApplicationModule;
