/**
 * Accounts, tenants, users, AccessKeys, policies, console sign-ins, first-start bootstrap.
 * <p>{@code allowedDependencies}: the modules this one may use, checked by {@code ModularityTests}; a new one is a
 * decision, also written in the README's layout table.
 */
@ApplicationModule(allowedDependencies = {"plan", "system"})
package dev.sluice.account;

import org.springframework.modulith.ApplicationModule;
