package dev.sluice.platform.source;

import java.time.Duration;
import java.util.Properties;

/**
 * The connection properties Sluice hands each driver for a check: who connects, how long it may take, and every
 * setting that keeps the driver from reaching beyond the one server named. The URL cannot undo them: its options are
 * allow-listed ({@link UrlOptions}) and none of these is on a list, because pgjdbc, MariaDB's and DuckDB's drivers let
 * a URL option win over a property.
 */
final class DriverProperties {

    /**
     * DuckDB runs inside this JVM: no file but its own database and no network (extensions, {@code read_csv('/…')},
     * {@code ATTACH}, httpfs), no extension loaded or installed, and the configuration locked so SQL cannot turn any of it
     * back on (the lock stops {@code SET}, not the start-up settings, so their order does not matter).
     */
    private static final String[][] DUCKDB = {
            {"enable_external_access", "false"},
            {"allow_community_extensions", "false"},
            {"allow_unsigned_extensions", "false"},
            {"autoload_known_extensions", "false"},
            {"autoinstall_known_extensions", "false"},
            {"lock_configuration", "true"},
    };

    /**
     * Authentication plugins MariaDB's driver may use; {@code auth_gssapi_client} is left out, as it would log in
     * with the Kerberos identity of this server's process.
     */
    static final String MARIADB_AUTH = "mysql_native_password,client_ed25519,caching_sha2_password,mysql_clear_password,dialog,parsec";

    private DriverProperties() {
    }

    static Properties of(JdbcTarget target, Duration deadline) {
        return build(target, deadline, true);
    }

    /**
     * For a run: the same protections, but no socket timeout (a statement may run for hours; cancelling is the
     * runner's), only the connect timeout; and a DuckDB file opens for writing, as a run's statements may write.
     */
    static Properties forRun(JdbcTarget target, Duration connectTimeout) {
        return build(target, connectTimeout, false);
    }

    private static Properties build(JdbcTarget target, Duration deadline, boolean check) {
        Properties p = new Properties();
        // DuckDB has no users: it would take them for settings it does not know and fail.
        boolean logsIn = target.reach() != Reach.DUCKDB;
        if (logsIn && target.user() != null && !target.user().isEmpty()) p.setProperty("user", target.user());
        if (logsIn && target.password() != null) p.setProperty("password", target.password());
        String seconds = String.valueOf(Math.max(1, deadline.toSeconds()));
        String millis = String.valueOf(deadline.toMillis());
        switch (target.reach()) {
            case POSTGRESQL -> {
                p.setProperty("connectTimeout", seconds);
                p.setProperty("loginTimeout", seconds);
                if (check) p.setProperty("socketTimeout", seconds);
                // Without a password pgjdbc looks one up in this server's ~/.pgpass (or PGPASSFILE) for the tenant's host.
                if (target.password() == null) p.setProperty("password", "");
                // No GSS encryption: it would use this server's Kerberos credentials.
                p.setProperty("gssEncMode", "disable");
            }
            case MARIADB -> {
                p.setProperty("connectTimeout", millis);
                if (check) p.setProperty("socketTimeout", millis);
                // A hostile server could otherwise ask the driver to upload any local file (LOAD DATA LOCAL).
                p.setProperty("allowLocalInfile", "false");
                // Nor send the driver on to another host of its choosing, nor get this JVM's own client certificate.
                p.setProperty("permitRedirect", "false");
                p.setProperty("fallbackToSystemKeyStore", "false");
                p.setProperty("restrictedAuth", MARIADB_AUTH);
            }
            case H2 -> p.setProperty("IFEXISTS", "TRUE"); // a check creates no database, here or on the tenant's server
            case DUCKDB -> {
                for (String[] setting : DUCKDB) p.setProperty(setting[0], setting[1]);
                // A file database is opened read-only: a check neither creates nor changes a file under the roots.
                if (check && !isMemory(target.url())) p.setProperty("duckdb.read_only", "true");
            }
            case NONE -> {
            }
        }
        return p;
    }

    private static boolean isMemory(String duckdbUrl) {
        String name = duckdbUrl.substring("jdbc:duckdb:".length());
        return name.isEmpty() || name.equals(":memory:");
    }
}
