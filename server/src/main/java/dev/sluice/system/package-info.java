/**
 * Cross-cutting infrastructure. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"protocol"})
package dev.sluice.system;
