package dev.sluice.platform.source;

/**
 * A saved source as those who run SQL on it see it: no secret, only where it is and of which type.
 *
 * @param url  the JDBC URL the driver gets (URLs hold no password: the rules refuse one)
 * @param user the user named in the configuration, if any
 */
public record RunnableSource(long tenantId, SourceKind kind, long id, String name, SourceType type, boolean managed, String url,
                             String user) {
}
