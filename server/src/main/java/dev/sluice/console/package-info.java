/**
 * The web console. Uses: account, alerts, catalog, metering, plan.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "alerts", "catalog", "metering", "plan", "protocol"})
package dev.sluice.console;
