/**
 * The web console, one package per screen; nothing depends on it.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "alerts", "catalog", "metering", "operations", "plan", "protocol"})
package dev.sluice.console;

import org.springframework.modulith.ApplicationModule;
