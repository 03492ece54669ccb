/**
 * The operator command line ({@code ./sluice admin ...}); it reaches into platform only through its
 * {@code project} named interface, and into operations only through its {@code alert} one (alert rules).
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "catalog", "metering", "platform :: project", "operations :: alert"})
package dev.sluice.admin;

import org.springframework.modulith.ApplicationModule;
