package dev.sluice.platform.source;

/** How Sluice reaches a source of some type to check it: with one of its JDBC drivers, or not at all. */
public enum Reach {
    /** PostgreSQL wire protocol, PostgreSQL's driver. */
    POSTGRESQL,
    /** MySQL wire protocol (MySQL, MariaDB and compatibles), MariaDB's driver. */
    MARIADB,
    /** A remote H2 server, or an H2 file under an allowed root. */
    H2,
    /** An embedded DuckDB database: in memory, or a file under an allowed root. */
    DUCKDB,
    /** Stored with its fields; Sluice has no client for it, so it cannot be checked. */
    NONE
}
