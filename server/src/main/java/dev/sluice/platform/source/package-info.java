/**
 * What compute sources and data sources share: their types, their connection configuration (with secrets sealed at
 * rest and never shown), the rules a JDBC URL must follow, and real connectivity checks with their history. Public
 * to other modules: {@link dev.sluice.platform.source.SourceConnections}, the one way to connect to a saved source for
 * running SQL, with what it answers ({@link dev.sluice.platform.source.RunnableSource},
 * {@link dev.sluice.platform.source.SourceType}, {@link dev.sluice.platform.source.Reach},
 * {@link dev.sluice.platform.source.SourceKind}).
 */
@org.springframework.modulith.NamedInterface("source")
package dev.sluice.platform.source;
