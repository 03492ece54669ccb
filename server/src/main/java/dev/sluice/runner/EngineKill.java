package dev.sluice.runner;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own way to stop a statement from outside its connection, for when {@link Statement#cancel()} did not
 * stop it: PostgreSQL {@code pg_cancel_backend(pid)}, MySQL and MariaDB {@code KILL QUERY id}, both sent from a second
 * connection; DuckDB runs in this process, where {@code cancel()} is its interrupt, so it is sent again. The backend's
 * id is read when the run's connection opens.
 */
final class EngineKill {

    private static final Logger log = LoggerFactory.getLogger(EngineKill.class);

    private final Engines engines;
    private final Engine engine;

    EngineKill(Engines engines, Engine engine) {
        this.engines = engines;
        this.engine = engine;
    }

    /** The id under which the engine knows this connection, or -1 where the engine has none. */
    static long backendId(Connection connection, Engine.Dialect dialect) throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> "select pg_backend_pid()";
            case MYSQL -> "select connection_id()";
            case DUCKDB, H2 -> null;
        };
        if (sql == null) return -1;
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }

    void kill(long backendId, Statement running) {
        if (backendId < 0 && (engine.dialect() == Engine.Dialect.POSTGRESQL || engine.dialect() == Engine.Dialect.MYSQL)) return;
        try {
            switch (engine.dialect()) {
                case POSTGRESQL -> {
                    try (Connection c = engines.open(engine); PreparedStatement p = c.prepareStatement("select pg_cancel_backend(?)")) {
                        p.setInt(1, (int) backendId);
                        p.execute();
                    }
                }
                case MYSQL -> {
                    // KILL takes no bind parameter; the id is a number the server itself gave, never caller text.
                    try (Connection c = engines.open(engine); Statement k = c.createStatement()) {
                        k.execute("KILL QUERY " + backendId);
                    }
                }
                case DUCKDB, H2 -> running.cancel();
            }
        } catch (SQLException | RuntimeException e) {
            log.warn("could not kill a statement on {} source {}: {}", engine.kind(), engine.sourceId(), e.getMessage());
        }
    }
}
