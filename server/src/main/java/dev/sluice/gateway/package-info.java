/**
 * The HTTP entry point of the OpenAPI. Uses: account, catalog, dispatch, governance, metering.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"account", "catalog", "dispatch", "governance", "metering", "protocol"})
package dev.sluice.gateway;
