package dev.sluice.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A fresh PostgreSQL database for one test class: on the server CI announces ({@code SLUICE_TEST_POSTGRES_URL}), else on
 * an embedded server from Maven artifacts (zonky). {@link #own} always starts an embedded server the test may stop and
 * start again; the machine's shared PostgreSQL is never restarted.
 */
public final class TestPostgres implements AutoCloseable {

    private final String adminUrl;
    private final String database;
    private final Path dataDir;
    private final int port;
    private EmbeddedPostgres embedded;

    private TestPostgres(String adminUrl, String database, Path dataDir, int port, EmbeddedPostgres embedded) {
        this.adminUrl = adminUrl;
        this.database = database;
        this.dataDir = dataDir;
        this.port = port;
        this.embedded = embedded;
    }

    public static TestPostgres freshDatabase(Path scratch) throws Exception {
        String shared = System.getenv("SLUICE_TEST_POSTGRES_URL");
        if (shared == null || shared.isBlank()) return own(scratch);
        TestPostgres db = new TestPostgres(shared, "sluice_" + UUID.randomUUID().toString().replace("-", ""), null, 0, null);
        db.execute("create database " + db.database);
        return db;
    }

    /** An embedded server of this test's own, with its data in {@code scratch}, that survives {@link #restart}. */
    public static TestPostgres own(Path scratch) throws Exception {
        int port = OwnRedis.freePort();
        Path dir = scratch.resolve("pg-" + port);
        EmbeddedPostgres pg = start(dir, port);
        return new TestPostgres("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres", "postgres", dir, port, pg);
    }

    public String jdbcUrl() {
        return adminUrl.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1");
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl());
    }

    /** Stops the embedded server (fast shutdown: connections are cut, as in a crash of the database host). */
    public void stop() throws Exception {
        if (embedded == null) throw new IllegalStateException("only an own server can be stopped");
        embedded.close();
    }

    public void startAgain() throws Exception {
        embedded = start(dataDir, port);
    }

    @Override
    public void close() throws Exception {
        if (dataDir != null) {
            embedded.close();
        } else {
            execute("drop database if exists " + database + " with (force)");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(adminUrl)) {
            connection.createStatement().execute(sql);
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setPort(port).setDataDirectory(dir).setCleanDataDirectory(false).start();
    }
}
