package dev.sluice.platform.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hard deadline: a server that accepts TCP but never answers holds no check longer than the timeout. */
class ConnectivityProbeTest {

    ServerSocket silent;
    final ConnectivityProbe probe = new ConnectivityProbe(new SourceSettings(Duration.ofSeconds(1), List.of()));

    @BeforeEach
    void silentServer() throws IOException {
        silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress()); // never accepts: the kernel completes the handshake
    }

    @AfterEach
    void close() throws IOException {
        silent.close();
    }

    long timed(Runnable r) {
        long started = System.nanoTime();
        r.run();
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Test
    void aDriverWithoutItsOwnTimeoutIsCutOffAtTheDeadline() {
        ProbeResult[] result = new ProbeResult[1];
        long millis = timed(() -> result[0] = probe.check(new JdbcTarget(Reach.H2, "jdbc:h2:tcp://127.0.0.1:" + silent.getLocalPort() + "/x", "sa", "pw")));
        assertThat(result[0].connected()).isFalse();
        assertThat(result[0].message()).contains("no answer within 1000 ms");
        assertThat(millis).isBetween(900L, 3_000L);
    }

    @Test
    void driverTimeoutsFollowTheDeadline() {
        for (JdbcTarget target : List.of(new JdbcTarget(Reach.POSTGRESQL, "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/x", "u", "pw"),
                new JdbcTarget(Reach.MARIADB, "jdbc:mariadb://127.0.0.1:" + silent.getLocalPort() + "/x", "u", "pw"))) {
            ProbeResult[] result = new ProbeResult[1];
            long millis = timed(() -> result[0] = probe.check(target));
            assertThat(result[0].connected()).as(target.toString()).isFalse();
            assertThat(millis).as(target.toString()).isLessThan(3_000L);
        }
    }

    @Test
    void messagesNeverCarryThePassword() {
        String message = ConnectivityProbe.describe(new java.sql.SQLException("login failed for s3cr3t-pw"),
                new JdbcTarget(Reach.POSTGRESQL, "jdbc:postgresql://h/x", "u", "s3cr3t-pw"));
        assertThat(message).doesNotContain("s3cr3t-pw").contains("******");
        assertThat(new JdbcTarget(Reach.H2, "jdbc:h2:tcp://h/x", "sa", "s3cr3t-pw").toString()).doesNotContain("s3cr3t-pw");
        assertThat(new ConfigItem("jdbc.password", "s3cr3t-pw").toString()).doesNotContain("s3cr3t-pw");
    }

    @Test
    void embeddedEngineErrorsQuoteNothingTheyRead() {
        String parser = "Parser Error: syntax error at or near \"SECRETKEYBYTES\"\n\nLINE 1: SECRETKEYBYTES-abc123\n        ^";
        assertThat(FailureMessages.clean(Reach.DUCKDB, parser)).isEqualTo("Parser Error");
        assertThat(FailureMessages.clean(Reach.DUCKDB, "Catalog Error: Table with name SECRETKEYBYTES does not exist!")).isEqualTo("Catalog Error");
        assertThat(FailureMessages.clean(Reach.DUCKDB, "IO Error: Cannot open database \"/srv/a.db\" in read-only mode: database does not exist"))
                .isEqualTo("IO Error: Cannot open database \"…\" in read-only mode: database does not exist");
        assertThat(FailureMessages.clean(Reach.H2, "Data conversion error converting \"SECRETKEYBYTES\"; SQL statement:\nSET LOCK_TIMEOUT FILE_READ('/k') [22018-240]"))
                .isEqualTo("Data conversion error converting \"…\"; SQL statement:");
        assertThat(FailureMessages.clean(Reach.POSTGRESQL, "FATAL: password authentication failed for user \"app\"\n  Detail: x"))
                .isEqualTo("FATAL: password authentication failed for user \"app\"");
    }

    @Test
    void everyDuckdbConnectionIsClosedToFilesAndTheNetworkAndLocked() throws Exception {
        JdbcTarget target = new JdbcTarget(Reach.DUCKDB, "jdbc:duckdb:", null, null);
        try (java.sql.Connection c = java.sql.DriverManager.getDriver(target.url()).connect(target.url(), DriverProperties.of(target, Duration.ofSeconds(1)));
             java.sql.Statement s = c.createStatement()) {
            for (String setting : List.of("enable_external_access", "allow_community_extensions", "autoload_known_extensions",
                    "autoinstall_known_extensions", "allow_unsigned_extensions", "lock_configuration")) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT current_setting('" + setting + "')::VARCHAR")) {
                    rs.next();
                    assertThat(rs.getString(1)).as(setting).isEqualTo(setting.equals("lock_configuration") ? "true" : "false");
                }
            }
            assertThatThrownBy(() -> s.execute("SET enable_external_access = true")).hasMessageContaining("locked");
        }
        try (java.sql.Connection c = java.sql.DriverManager.getDriver(target.url()).connect(target.url(), DriverProperties.of(target, Duration.ofSeconds(1)));
             java.sql.Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.executeQuery("SELECT * FROM read_text('/etc/hostname')")).hasMessageContaining("disabled");
        }
        assertThat(probe.check(target, Duration.ofSeconds(30)).connected()).isTrue();
        assertThat(probe.check(new JdbcTarget(Reach.DUCKDB, "jdbc:duckdb::memory:", "sa", "pw"), Duration.ofSeconds(30)).connected())
                .as("DuckDB has no users; a user item does not break the check").isTrue();
    }

    @Test
    void aDuckdbFileIsOpenedReadOnlySoACheckCreatesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) {
        java.nio.file.Path file = root.resolve("absent.duckdb");
        ProbeResult result = probe.check(new JdbcTarget(Reach.DUCKDB, "jdbc:duckdb:" + file, null, null), Duration.ofSeconds(30));
        assertThat(result.connected()).isFalse();
        assertThat(result.message()).startsWith("IO Error").doesNotContain(file.toString());
        assertThat(file).doesNotExist();
    }

    @Test
    void anH2CheckCreatesNoDatabase(@org.junit.jupiter.api.io.TempDir java.nio.file.Path root) throws IOException {
        ProbeResult result = probe.check(new JdbcTarget(Reach.H2, "jdbc:h2:file:" + root.resolve("absent"), "sa", ""), Duration.ofSeconds(30));
        assertThat(result.connected()).isFalse();
        assertThat(result.message()).contains("not found");
        try (var files = java.nio.file.Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }
}
