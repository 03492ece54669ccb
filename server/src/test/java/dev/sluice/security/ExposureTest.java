package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.Reader;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * What the server shows to the network and to other users of its machine: the actuator's scrape and info only on the
 * loopback management port, a bare health status on the public port, a data directory and secret files for the
 * server's user alone, and an embedded database whose auto-server listener is on loopback and needs a password.
 */
@SluiceServerTest
class ExposureTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @TempDir
    Path temp;

    @Test
    void theScrapeAndInfoAreNotServedOnThePublicPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        for (String path : new String[] {"/actuator/prometheus", "/actuator/info", "/actuator/metrics", "/actuator/env"}) {
            HttpResponse<String> outside = get(port, path);
            assertThat(outside.statusCode()).as(path + " on the public port").isNotEqualTo(200);
            assertThat(outside.body()).as(path).doesNotContain("jvm_", "sluice_calls_total", "\"build\"");
        }
        HttpResponse<String> scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void theManagementPortListensOnLoopbackOnly() throws Exception {
        InetAddress external = nonLoopbackAddress();
        assumeTrue(external != null, "this machine has no non-loopback IPv4 address to try from");
        try (Socket publicPort = new Socket()) {
            publicPort.connect(new InetSocketAddress(external, port), 2000); // the public port is reachable there
        }
        assertThatThrownBy(() -> {
            try (Socket management = new Socket()) {
                management.connect(new InetSocketAddress(external, managementPort), 2000);
            }
        }).isInstanceOf(ConnectException.class);
    }

    @Test
    void healthOnThePublicPortIsTheStatusAlone() throws Exception {
        HttpResponse<String> health = get(port, "/actuator/health");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        HttpResponse<String> inside = get(managementPort, "/actuator/health");
        assertThat(inside.body()).doesNotContain("components", "details", "diskSpace", "db");
    }

    @Test
    void theDataDirectoryAndTheEmbeddedDatabaseAreTheServerUsersAlone() throws Exception {
        Path dataDir = temp.resolve("fresh-data"); // created by the server
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir))).isEqualTo("rwx------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("master.key")))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("database.password"))))
                    .isEqualTo("rw-------");

            // The auto-server listener that lets ./sluice admin in while the server runs: where H2 says it is.
            Properties lock = new Properties();
            try (Reader in = Files.newBufferedReader(dataDir.resolve("sluice.lock.db"))) {
                lock.load(in);
            }
            String listener = lock.getProperty("server"); // e.g. localhost:43549
            String host = listener.substring(0, listener.lastIndexOf(':'));
            assertThat(InetAddress.getByName(host).isLoopbackAddress()).as("the listener's address " + listener).isTrue();
            int h2Port = Integer.parseInt(listener.substring(listener.lastIndexOf(':') + 1));
            InetAddress external = nonLoopbackAddress();
            if (external != null) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(external, h2Port), 2000);
                    }
                }).as("the H2 listener from another host").isInstanceOf(ConnectException.class);
            }

            String url = "jdbc:h2:file:" + dataDir.resolve("sluice") + ";AUTO_SERVER=TRUE";
            assertThatThrownBy(() -> DriverManager.getConnection(url, "", "").close())
                    .as("the database without its password").isInstanceOfSatisfying(SQLException.class,
                            refused -> assertThat(refused.getSQLState()).isEqualTo("28000"));
            assertThatThrownBy(() -> DriverManager.getConnection(url, "sa", "").close()).isInstanceOf(SQLException.class);
            String password = Files.readString(dataDir.resolve("database.password")).strip();
            try (Connection owner = DriverManager.getConnection(url, "", password);
                 var rows = owner.createStatement().executeQuery("select count(*) from account")) {
                rows.next();
                assertThat(rows.getLong(1)).as("the first start's account, read with the password").isEqualTo(1);
            }
            assertThat(server.alive()).isTrue();
        }
    }

    private static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    /** An address of this machine that other hosts could connect to, or null if it has none. */
    private static InetAddress nonLoopbackAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .filter(nic -> {
                    try {
                        return nic.isUp() && !nic.isLoopback();
                    } catch (SocketException e) {
                        return false;
                    }
                })
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress() && !address.isLinkLocalAddress())
                .findFirst().orElse(null);
    }
}
