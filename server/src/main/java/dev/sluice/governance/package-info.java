/**
 * The governance chain every call passes before its handler. Uses: account, catalog, dispatch, metering, plan.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "catalog", "dispatch", "metering", "plan", "protocol"})
package dev.sluice.governance;
