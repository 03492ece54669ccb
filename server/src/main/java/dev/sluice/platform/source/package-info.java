/**
 * What compute sources and data sources share: their types, their connection configuration (with secrets sealed at
 * rest and never shown), the rules a JDBC URL must follow, and real connectivity checks with their history.
 */
@org.springframework.modulith.NamedInterface("source")
package dev.sluice.platform.source;
