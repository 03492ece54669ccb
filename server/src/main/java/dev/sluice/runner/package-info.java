/**
 * The one SQL runner every module uses (ad hoc runs now; batch tasks, the scheduler and data-service APIs later): it
 * resolves where SQL runs ({@link dev.sluice.runner.Engines}), splits a script into statements, asks the
 * {@link dev.sluice.runner.StatementGate} before each one, queues per compute source, runs each statement on its own
 * connection, cancels on the database, and keeps logs and results in the database so any node can answer for a run.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "dispatch", "protocol", "system", "platform", "platform :: project",
        "platform :: datasource", "platform :: source"})
package dev.sluice.runner;

import org.springframework.modulith.ApplicationModule;
