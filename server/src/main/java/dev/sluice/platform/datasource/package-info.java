/**
 * Data sources of a tenant: a production source, optionally paired with a development one, with their connection
 * configuration, real connectivity checks and their history. Public here: the extension point
 * {@link dev.sluice.platform.datasource.DataSourceDependencies}.
 */
@org.springframework.modulith.NamedInterface("datasource")
package dev.sluice.platform.datasource;
