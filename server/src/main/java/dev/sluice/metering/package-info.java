/**
 * The per-call ledger and usage. Uses: account, catalog, dispatch, plan.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "catalog", "dispatch", "plan", "protocol"})
package dev.sluice.metering;
