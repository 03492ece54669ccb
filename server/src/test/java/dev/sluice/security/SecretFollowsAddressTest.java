package dev.sluice.security;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;

/**
 * Issue 15, item 3: whoever may edit a source's URL must not be able to point it at a server of their own and
 * receive the stored password there. An update that changes host, port, database or user drops every kept secret
 * unless it is sent again, and {@code Message} names what was dropped. Shown with a real H2 server holding a
 * password, and with a fake PostgreSQL server on loopback that asks for the password in clear text and records it.
 */
@SluiceServerTest
@TestPropertySource(properties = SourceDatabases.LOCAL_HOSTS_ALLOWED)
class SecretFollowsAddressTest {

    static final String PASSWORD = "h2-Secret-0815";
    static Server h2;
    static String h2Url;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    JdbcClient jdbc;

    PlatformTenant t;

    @BeforeAll
    static void h2Server() throws Exception {
        h2 = Server.createTcpServer("-tcpPort", String.valueOf(SourceDatabases.closedPort()), "-ifNotExists",
                "-baseDir", Files.createTempDirectory("sluice-h2-moves").toString()).start();
        h2Url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/moves";
        DriverManager.getConnection(h2Url, "sa", PASSWORD).close(); // creates the database with this password
    }

    @AfterAll
    static void stopH2() {
        h2.stop();
    }

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    static List<Map<String, String>> items(String url, String user, String password) {
        List<Map<String, String>> items = new ArrayList<>(List.of(Map.of("Key", "jdbc.url", "Value", url)));
        if (user != null) items.add(Map.of("Key", "jdbc.username", "Value", user));
        if (password != null) items.add(Map.of("Key", "jdbc.password", "Value", password));
        return items;
    }

    long dataSource(String name, String type, String url, String user, String password) {
        Response r = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", name, "Type", type,
                "ConfigItemList", items(url, user, password))))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("ProdDataSourceId").asLong();
    }

    Response updateData(long id, List<Map<String, String>> items) {
        Response r = t.call("UpdateDataSourceConfig").param("UpdateCommand", json(Map.of("Id", id, "ConfigItemList", items))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().path("Data").asBoolean()).isTrue();
        return r;
    }

    Response checkData(long id) {
        Response r = t.call("CheckDataSourceConnectivityById").param("Id", id).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r;
    }

    long storedSecrets(String kind, long id) {
        return jdbc.sql("select count(*) from source_config_item where source_kind = ? and source_id = ? and secret").params(kind, id)
                .query(Long.class).single();
    }

    @Test
    void anUpdateThatKeepsTheAddressKeepsThePasswordAndOneThatMovesItDropsIt() {
        long id = dataSource("h2_moves", "H2", h2Url, "sa", PASSWORD);
        assertThat(checkData(id).body().path("Data").asBoolean()).isTrue();

        // The items a listing shows, sent back: same address, the password stays.
        Response same = updateData(id, items(h2Url, "sa", null));
        assertThat(same.message()).isEqualTo("successful");
        assertThat(checkData(id).body().path("Data").asBoolean()).isTrue();

        // Another host name for the same server: a move all the same, so the password is not kept.
        Response moved = updateData(id, items(h2Url.replace("127.0.0.1", "localhost"), "sa", null));
        assertThat(moved.message()).contains("dropped", "jdbc.password").doesNotContain(PASSWORD);
        assertThat(storedSecrets("DATA", id)).isZero();
        Response without = checkData(id);
        assertThat(without.body().path("Data").asBoolean()).isFalse();
        assertThat(without.message()).contains("Wrong user name or password");

        // Sent again with the move, the password is kept and works.
        Response resent = updateData(id, items(h2Url, "sa", PASSWORD));
        assertThat(resent.message()).isEqualTo("successful");
        assertThat(checkData(id).body().path("Data").asBoolean()).isTrue();

        // Another user, another port or another database: each drops it.
        assertThat(updateData(id, items(h2Url, "admin", null)).message()).contains("jdbc.password");
        updateData(id, items(h2Url, "sa", PASSWORD));
        assertThat(updateData(id, items(h2Url.replace(":" + h2.getPort() + "/", ":" + SourceDatabases.closedPort() + "/"), "sa", null)).message())
                .contains("jdbc.password");
        updateData(id, items(h2Url, "sa", PASSWORD));
        assertThat(updateData(id, items(h2Url.replace("/moves", "/other"), "sa", null)).message()).contains("jdbc.password");
    }

    @Test
    void aComputeSourceMovedToAnAttackersServerDoesNotHandItThePassword() throws Exception {
        Response created = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "cs_pg", "Type", "POSTGRE_SQL",
                "Description", "x", "ConfigList", items(SourceDatabases.postgresUrl(), SourceDatabases.postgresUrl().contains("user=") ? null : "postgres", "pg-Secret-4711")))).send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("CreateResult").path("Id").asLong();

        try (ServerSocket fake = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            CompletableFuture<String> captured = CompletableFuture.supplyAsync(() -> capturePassword(fake));
            Response moved = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", id, "Name", "cs_pg", "Type", "POSTGRE_SQL",
                    "Description", "x", "ConfigList", items("jdbc:postgresql://127.0.0.1:" + fake.getLocalPort() + "/stolen", "postgres", null)))).send();
            assertThat(moved.status()).as(moved.body().toString()).isEqualTo(200);
            assertThat(moved.message()).contains("dropped", "jdbc.password").doesNotContain("pg-Secret-4711");
            assertThat(storedSecrets("COMPUTE", id)).isZero();

            Response check = t.call("CheckComputeSourceConnectivityById").param("Id", id).send();
            assertThat(check.status()).as(check.body().toString()).isEqualTo(200);
            assertThat(check.body().path("Data").asBoolean()).isFalse();
            // The fake server asked for the password in clear text; the driver had none to send (Sluice hands pgjdbc
            // an empty one so that it never falls back to the server's ~/.pgpass).
            assertThat(captured.get(15, TimeUnit.SECONDS)).isIn("(no password sent)", "");

            // The fake server does capture a password the caller chooses to send with the new address.
            CompletableFuture<String> given = CompletableFuture.supplyAsync(() -> capturePassword(fake));
            Response resent = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", id, "Name", "cs_pg", "Type", "POSTGRE_SQL",
                    "Description", "x", "ConfigList", items("jdbc:postgresql://127.0.0.1:" + fake.getLocalPort() + "/stolen", "postgres", "sent-on-purpose")))).send();
            assertThat(resent.message()).isEqualTo("successful");
            t.call("CheckComputeSourceConnectivityById").param("Id", id).send();
            assertThat(given.get(15, TimeUnit.SECONDS)).isEqualTo("sent-on-purpose");
        }
    }

    /**
     * Plays the first steps of a PostgreSQL server: reads the startup message, asks for a clear-text password, and
     * returns what comes back (the PostgreSQL driver gives up with an error when it has no password to send).
     */
    static String capturePassword(ServerSocket fake) {
        try (Socket client = fake.accept()) {
            client.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(client.getInputStream());
            DataOutputStream out = new DataOutputStream(client.getOutputStream());
            int length = in.readInt();
            int code = in.readInt();
            if (code == 80877103) { // SSLRequest: say no, then read the real startup message
                out.writeByte('N');
                out.flush();
                length = in.readInt();
                in.readInt();
            }
            in.readNBytes(length - 8);
            out.writeByte('R');
            out.writeInt(8);
            out.writeInt(3); // AuthenticationCleartextPassword
            out.flush();
            int type = in.read();
            if (type != 'p') return "(no password sent)";
            byte[] body = in.readNBytes(in.readInt() - 4);
            return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no password sent)";
        }
    }
}
