/**
 * The operator's command line ({@code ./sluice admin ...}). Uses: account, metering, platform's projects.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "catalog", "metering", "platform :: project"})
package dev.sluice.admin;
