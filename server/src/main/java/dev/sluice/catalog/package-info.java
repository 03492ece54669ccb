/**
 * The operations the server knows, from the OpenAPI spec. Uses no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"protocol"})
package dev.sluice.catalog;
