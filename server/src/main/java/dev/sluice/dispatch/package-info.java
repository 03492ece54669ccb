/**
 * Finds an operation's handler by action name and binds typed request records; the one table of who may call
 * each operation.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "catalog", "plan", "protocol"})
package dev.sluice.dispatch;

import org.springframework.modulith.ApplicationModule;
