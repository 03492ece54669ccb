/**
 * From a verified call to its handler. Uses: account, catalog.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "catalog", "protocol"})
package dev.sluice.dispatch;
