/**
 * Editions and their limits. Uses: catalog.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"catalog"})
package dev.sluice.plan;
