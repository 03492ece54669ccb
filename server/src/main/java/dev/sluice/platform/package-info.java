/**
 * The platform operations (projects, sources, members, ...). Uses: account, dispatch, system.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "dispatch", "protocol", "system"})
package dev.sluice.platform;
