package dev.sluice.runner;

/**
 * Where a run's statements execute: a compute source (a project's, or the one Sluice manages itself) or a data source
 * of the tenant.
 *
 * @param type          the source type as the catalog names it ({@code DUCKDB}, {@code POSTGRE_SQL}, {@code MYSQL}, ...)
 * @param dialect       how Sluice talks to it (which driver, how to cancel, which SQL dialect to parse)
 * @param defaultSchema the schema an unqualified table name resolves to ({@code main} for DuckDB, {@code public} or the
 *                      search path's first for PostgreSQL, the URL's database for MySQL/MariaDB)
 * @param managed       true for the compute source Sluice manages in its data directory (or cluster schema)
 */
public record Engine(long tenantId, Kind kind, long sourceId, String sourceName, String type, Dialect dialect,
                     String defaultSchema, boolean managed) {

    public enum Kind { COMPUTE, DATA }

    /** The engines Sluice can run SQL on. */
    public enum Dialect { DUCKDB, POSTGRESQL, MYSQL, H2 }
}
