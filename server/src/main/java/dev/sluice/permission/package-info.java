/**
 * The Data permissions operations (grant, revoke, check on tables, fields and sources, with expiry) and the
 * {@link dev.sluice.runner.StatementGate} that makes them bite: every statement a run executes is parsed, its tables
 * checked, and reads of tables with row-level rules rewritten.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"account", "dispatch", "protocol", "system", "runner", "platform", "platform :: project",
        "platform :: datasource", "platform :: rowpermission"})
package dev.sluice.permission;

import org.springframework.modulith.ApplicationModule;
