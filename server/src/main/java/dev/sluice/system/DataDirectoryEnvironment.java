package dev.sluice.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the embedded H2 database into the data directory unless a database URL was configured.
 * Done before the context starts because the data source is auto-configured from {@code spring.datasource.url}, and
 * H2 refuses paths that are only implicitly relative, so the directory is resolved to an absolute path here.
 * The directory is the server user's alone (mode 700), and H2's auto-server listener is bound to the loopback address
 * and needs the database's password ({@link EmbeddedDatabasePassword}).
 */
public final class DataDirectoryEnvironment implements EnvironmentPostProcessor {

    static final String DATA_DIR = "sluice.data-dir";
    /** H2 reads it once, when its first class loads; set here, before any connection is opened. */
    static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private final Log log;

    public DataDirectoryEnvironment(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectoryEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String external = firstNonBlank(environment.getProperty("SLUICE_DB_URL"), environment.getProperty("spring.datasource.url"));
        if (external != null) {
            environment.getPropertySources().addFirst(new MapPropertySource("sluiceDatabase", Map.of("spring.datasource.url", external)));
            if (external.startsWith("jdbc:postgresql:")) {
                // pgjdbc sends a batch of inserts (a ledger commit) as multi-row INSERTs: one statement for PostgreSQL
                // to parse and execute instead of one per call (governed cluster throughput 3,271 -> 3,652 calls/s in
                // one `./sluice bench admission --cluster --governed-only` run each). A default: the URL may say otherwise.
                environment.getPropertySources().addLast(new MapPropertySource("sluicePostgresDefaults",
                        Map.of("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", "true")));
            }
            return;
        }
        Path dir = Path.of(environment.getProperty(DATA_DIR, "./data")).toAbsolutePath().normalize();
        // AUTO_SERVER lets `./sluice admin` open the same file while the server runs: the process holding the file
        // listens on a TCP port (H2 listens on every interface unless told otherwise, hence the bind address) and
        // writes the address and a random key into sluice.lock.db. WRITE_DELAY=0 writes each commit to the file at once
        // (H2 otherwise delays up to half a second), so a killed process loses no committed call.
        if (System.getProperty(H2_BIND_ADDRESS) == null) System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        String url = "jdbc:h2:file:" + dir.resolve("sluice") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        String password;
        try {
            OwnerOnlyFiles.directory(dir, log);
            password = EmbeddedDatabasePassword.load(dir, url, "sluice.mv.db");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the data directory " + dir, e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the embedded database in " + dir + ": " + e.getMessage(), e);
        }
        environment.getPropertySources().addFirst(new MapPropertySource("sluiceDataDirectory",
                Map.of("spring.datasource.url", url, "spring.datasource.password", password, DATA_DIR, dir.toString())));
        // One node on one disk: the ledger journals calls beside the database (see JournaledLedger). A default only,
        // so that a process which makes no calls (./sluice admin) can leave the journal to the server.
        environment.getPropertySources().addLast(new MapPropertySource("sluiceEmbeddedLedger",
                Map.of("sluice.ledger.journal", "true")));
    }

    private static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) return a;
        return b != null && !b.isBlank() ? b : null;
    }
}
