/**
 * Usage alerts of an account. Uses: account, metering, plan.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "metering", "plan"})
package dev.sluice.alerts;
