package dev.sluice.platform.source;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * One DuckDB database per file in this process, because DuckDB lets only one instance open a file: the first run opens
 * it (hardened, see {@link DriverProperties#forRun}) and keeps that connection; every run gets a {@code duplicate()}
 * of it, a connection of its own on the same database, which it may close without closing the database. The
 * configuration is locked when the database opens, so no duplicate can loosen it.
 */
@Component
class DuckDbInstances implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DuckDbInstances.class);

    private final Map<String, DuckDBConnection> databases = new HashMap<>();

    /**
     * @param key names the database: the file's URL, or for an in-memory database its source (two sources never
     *            share an in-memory database)
     */
    Connection open(String key, JdbcTarget target, Properties hardened) throws SQLException {
        DuckDBConnection database;
        synchronized (databases) {
            database = databases.get(key);
            if (database == null || database.isClosed()) {
                Connection opened = DriverManager.getDriver(target.url()).connect(target.url(), hardened);
                database = opened.unwrap(DuckDBConnection.class);
                databases.put(key, database);
            }
        }
        return database.duplicate();
    }

    /** A connection of its own to the database of this file URL if a run opened it already (a second instance could not). */
    Optional<Connection> duplicateIfOpen(String url) throws SQLException {
        DuckDBConnection database;
        synchronized (databases) {
            database = databases.get(url);
        }
        return database == null || database.isClosed() ? Optional.empty() : Optional.of(database.duplicate());
    }

    @Override
    public void destroy() {
        synchronized (databases) {
            for (Map.Entry<String, DuckDBConnection> open : databases.entrySet()) {
                try {
                    open.getValue().close();
                } catch (SQLException e) {
                    log.warn("closing the DuckDB database {} failed: {}", open.getKey(), e.getMessage());
                }
            }
            databases.clear();
        }
    }
}
