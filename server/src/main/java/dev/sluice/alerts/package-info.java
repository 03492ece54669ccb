/**
 * Quota alerts: 80 % / 100 % crossings of the free quota and daily caps, recorded once.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "metering", "plan"})
package dev.sluice.alerts;

import org.springframework.modulith.ApplicationModule;
