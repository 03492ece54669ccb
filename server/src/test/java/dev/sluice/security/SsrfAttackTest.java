package dev.sluice.security;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.KeyPair;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;

/**
 * Issue 15, item 2: a connectivity check is a request the server makes for the caller, so it must not reach the
 * server's own network. Every host form that names loopback, link-local (cloud metadata), unspecified or private
 * addresses is refused with {@code Forbidden.Host} before any connection is made (a listener on loopback proves it
 * saw nothing); an operator opens what is needed with {@code sluice.sources.allowed-hosts}; only those who may
 * create or change a source may check one; and a tenant runs at most a few checks at once. No test here dials any
 * address but 127.0.0.1, even on a build where the refusals are broken: each test's first check names a form that
 * reaches only 127.0.0.1, and fails there before any other address is tried.
 */
@SluiceServerTest
class SsrfAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformTenant t;
    ServerSocket listener;

    @BeforeEach
    void tenantAndListener() throws IOException {
        t = PlatformTenant.create(admin, port);
        listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    @AfterEach
    void closeListener() throws IOException {
        listener.close();
    }

    static String items(String url) {
        // A URL that names its user (the CI's local database does) may not name it again in jdbc.username.
        return url.contains("user=")
                ? json(List.of(Map.of("Key", "jdbc.url", "Value", url), Map.of("Key", "jdbc.password", "Value", "pw-for-the-real-db")))
                : json(List.of(Map.of("Key", "jdbc.url", "Value", url), Map.of("Key", "jdbc.username", "Value", "postgres"),
                        Map.of("Key", "jdbc.password", "Value", "pw-for-the-real-db")));
    }

    static Response checkData(PlatformTenant t, RawClient client, String type, String url) {
        return t.as(client, "CheckDataSourceConnectivity").param("CheckCommand",
                "{\"Type\":\"" + type + "\",\"ConfigItemList\":" + items(url) + "}").send();
    }

    static Response checkCompute(PlatformTenant t, RawClient client, String type, String url) {
        return t.as(client, "CheckComputeSourceConnectivity").param("CheckCommand",
                "{\"Type\":\"" + type + "\",\"ConfigList\":" + items(url) + "}").send();
    }

    static void refusedHost(Response r, String host) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("Forbidden.Host");
        assertThat(r.message()).contains("'" + host + "'", "jdbc.url").doesNotContain("pw-for-the-real-db");
        assertThat(r.body().path("Data").isMissingNode()).isTrue();
    }

    /** Nothing connected to the loopback listener: the refusals came before any connection. */
    void listenerSawNothing() throws IOException {
        listener.setSoTimeout(300);
        assertThatThrownBy(() -> listener.accept().close()).isInstanceOf(SocketTimeoutException.class);
    }

    @Test
    void everyFormOfLoopbackLinkLocalUnspecifiedAndPrivateHostIsRefusedBeforeConnecting() throws IOException {
        int p = listener.getLocalPort();
        Map<String, String> hosts = new java.util.LinkedHashMap<>();
        hosts.put("127.0.0.1", "127.0.0.1");
        hosts.put("localhost", "localhost");
        hosts.put("LocalHost.", "LocalHost.");
        hosts.put("169.254.169.254", "169.254.169.254");
        hosts.put("[::1]", "::1");
        hosts.put("0.0.0.0", "0.0.0.0");
        hosts.put("10.0.0.1", "10.0.0.1");
        hosts.put("192.168.0.1", "192.168.0.1");
        hosts.put("100.64.0.1", "100.64.0.1");
        hosts.put("2130706433", "2130706433");
        hosts.put("0177.0.0.1", "0177.0.0.1");
        hosts.put("0x7f.0.0.1", "0x7f.0.0.1");
        hosts.put("[::ffff:127.0.0.1]", "::ffff:127.0.0.1");
        hosts.put("[::ffff:a9fe:a9fe]", "::ffff:a9fe:a9fe");
        hosts.put("[fd00::1]", "fd00::1");
        for (var host : hosts.entrySet()) {
            refusedHost(checkData(t, t.owner, "POSTGRE_SQL", "jdbc:postgresql://" + host.getKey() + ":" + p + "/x"), host.getValue());
        }
        refusedHost(checkData(t, t.owner, "MARIADB", "jdbc:mariadb://127.0.0.1:" + p + "/x"), "127.0.0.1");
        refusedHost(checkData(t, t.owner, "MYSQL", "jdbc:mysql://localhost:" + p + "/x"), "localhost");
        refusedHost(checkData(t, t.owner, "H2", "jdbc:h2:tcp://127.0.0.1:" + p + "/x"), "127.0.0.1");
        refusedHost(checkCompute(t, t.owner, "POSTGRE_SQL", "jdbc:postgresql://169.254.169.254/latest"), "169.254.169.254");
        listenerSawNothing();
    }

    @Test
    void storedSourcesAreRefusedTooAndCreateWithACheckCreatesNothing() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/x";
        Response created = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", "inside",
                "Type", "POSTGRE_SQL", "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", url)))))).send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("CreateResult").path("ProdDataSourceId").asLong();
        refusedHost(t.call("CheckDataSourceConnectivityById").param("Id", id).send(), "127.0.0.1");

        Response compute = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "inside_cs", "Type", "POSTGRE_SQL",
                "Description", "x", "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", url))))).send();
        refusedHost(t.call("CheckComputeSourceConnectivityById").param("Id", compute.body().path("CreateResult").path("Id").asLong()).send(),
                "127.0.0.1");

        Response checked = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", "checked",
                "Type", "POSTGRE_SQL", "CheckActivity", true, "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", url)))))).send();
        refusedHost(checked, "127.0.0.1");
        assertThat(t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10))).send()
                .body().path("PageResult").path("TotalCount").asLong()).isEqualTo(1);
        // Refused checks are not checks that ran: the source's history stays empty.
        assertThat(t.call("GetCheckConnectivityJobs").param("DataSourceId", id).send().body().path("Data")).isEmpty();
        listenerSawNothing();
    }

    @Test
    void onlyThoseWhoMayCreateOrChangeASourceMayCheckIt() throws IOException {
        String url = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/x";
        long dataId = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", "owned",
                "Type", "POSTGRE_SQL", "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", url)))))).send()
                .body().path("CreateResult").path("ProdDataSourceId").asLong();
        long computeId = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "owned_cs", "Type", "POSTGRE_SQL",
                "Description", "x", "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", url))))).send()
                .body().path("CreateResult").path("Id").asLong();

        // A plain member (full-access policy, no administrator role).
        RawClient plain = t.member("plain").client();
        for (Response r : List.of(checkData(t, plain, "POSTGRE_SQL", url), checkCompute(t, plain, "POSTGRE_SQL", url),
                t.as(plain, "CheckDataSourceConnectivityById").param("Id", dataId).send(),
                t.as(plain, "CheckComputeSourceConnectivityById").param("Id", computeId).send())) {
            assertThat(r.status()).as(r.body().toString()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("Forbidden.NoPermission");
            assertThat(r.message()).contains("Check");
        }

        // A system administrator whose policy is read-only: the admission chain lets Check* through as reads.
        User auditor = admin.createUser(t.account.account().id(), "auditor", EnumSet.of(Policy.READ_ONLY));
        admin.setMemberRoles(t.tenantId(), auditor.id(), Set.of("system_admin"));
        KeyPair key = admin.createAccessKey(auditor.id());
        RawClient readOnly = new RawClient(port, key.accessKeyId(), key.accessKeySecret());
        for (Response r : List.of(checkData(t, readOnly, "POSTGRE_SQL", url), checkCompute(t, readOnly, "POSTGRE_SQL", url),
                t.as(readOnly, "CheckDataSourceConnectivityById").param("Id", dataId).send(),
                t.as(readOnly, "CheckComputeSourceConnectivityById").param("Id", computeId).send())) {
            assertThat(r.status()).as(r.body().toString()).isEqualTo(403);
            assertThat(r.code()).isEqualTo("Forbidden.RAM");
            assertThat(r.message()).contains("read-only");
        }
        assertThat(t.as(readOnly, "GetCheckConnectivityJobs").param("DataSourceId", dataId).send().status()).isEqualTo(200);
        listenerSawNothing();
    }

    /** The same attacks where the operator opened loopback, as the CI does for its local databases. */
    @Nested
    @TestPropertySource(properties = SourceDatabases.LOCAL_HOSTS_ALLOWED)
    class WhereTheOperatorOpenedLoopback {

        @LocalServerPort
        int localPort;

        PlatformTenant lt;

        @BeforeEach
        void tenant() {
            lt = PlatformTenant.create(admin, localPort);
        }

        @Test
        void whatTheOperatorNamedIsOpenAndNothingElse() throws IOException {
            // First a form that only ever reaches 127.0.0.1: if the refusals were broken, the test stops here and
            // never dials the addresses below.
            refusedHost(checkData(lt, lt.owner, "POSTGRE_SQL", "jdbc:postgresql://2130706433:" + listener.getLocalPort() + "/x"), "2130706433");
            Response byAddress = checkData(lt, lt.owner, "POSTGRE_SQL", SourceDatabases.postgresUrl());
            assertThat(byAddress.status()).as(byAddress.body().toString()).isEqualTo(200);
            assertThat(byAddress.body().path("Data").asBoolean()).as(byAddress.message()).isTrue();
            String byName = SourceDatabases.postgresUrl().replace("127.0.0.1", "localhost");
            Response named = lt.call("CheckDataSourceConnectivity").param("CheckCommand", "{\"Type\":\"POSTGRE_SQL\",\"ConfigItemList\":"
                    + json(List.of(Map.of("Key", "jdbc.url", "Value", byName))) + "}").send();
            assertThat(named.body().path("Data").asBoolean()).as(named.message()).isTrue();

            refusedHost(checkData(lt, lt.owner, "POSTGRE_SQL", "jdbc:postgresql://169.254.169.254/latest"), "169.254.169.254");
            refusedHost(checkData(lt, lt.owner, "POSTGRE_SQL", "jdbc:postgresql://10.0.0.1/x"), "10.0.0.1");
            refusedHost(checkData(lt, lt.owner, "POSTGRE_SQL", "jdbc:postgresql://127.0.0.2/x"), "127.0.0.2");
            // PostgreSQL tries its hosts in turn: a host list is refused before the first host is dialled.
            int p = listener.getLocalPort();
            Response list = checkData(lt, lt.owner, "POSTGRE_SQL", "jdbc:postgresql://127.0.0.1:" + p + ",10.0.0.1:" + p + "/x");
            assertThat(list.status()).as(list.body().toString()).isBetween(400, 403);
            listenerSawNothing();
        }

        @Test
        void aTenantRunsAtMostFourChecksAtOnceAndTheFifthIsRefusedNotQueued() throws Exception {
            // A listener that accepts and never answers holds each check until its socket closes.
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) held.add(listener.accept());
                } catch (IOException closed) {
                    // the listener closed: the test is over
                }
            });
            String silent = "jdbc:postgresql://127.0.0.1:" + listener.getLocalPort() + "/x";
            List<CompletableFuture<Response>> running = new ArrayList<>();
            for (int i = 0; i < 4; i++) running.add(CompletableFuture.supplyAsync(() -> checkData(lt, lt.owner, "POSTGRE_SQL", silent)));
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(8);
            while (held.size() < 4 && System.nanoTime() < waitUntil) Thread.sleep(20);
            assertThat(held).hasSize(4);

            long started = System.nanoTime();
            Response fifth = checkData(lt, lt.owner, "POSTGRE_SQL", silent);
            assertThat((System.nanoTime() - started) / 1_000_000).as("refused at once, not queued").isLessThan(2_000);
            assertThat(fifth.status()).as(fifth.body().toString()).isEqualTo(429);
            assertThat(fifth.code()).isEqualTo("Throttling.ConnectivityCheck");
            assertThat(fifth.message()).contains("4 connectivity checks", "at most 4");
            // Another tenant is not held back by this one.
            PlatformTenant other = PlatformTenant.create(admin, localPort);
            Response elsewhere = checkData(other, other.owner, "POSTGRE_SQL", "jdbc:postgresql://127.0.0.1:" + SourceDatabases.closedPort() + "/x");
            assertThat(elsewhere.status()).as(elsewhere.body().toString()).isEqualTo(200);

            for (Socket socket : held) socket.close();
            for (CompletableFuture<Response> check : running) {
                Response r = check.get(15, TimeUnit.SECONDS);
                assertThat(r.status()).isEqualTo(200);
                assertThat(r.body().path("Data").asBoolean()).isFalse();
            }
            Response after = checkData(lt, lt.owner, "POSTGRE_SQL", "jdbc:postgresql://127.0.0.1:" + SourceDatabases.closedPort() + "/x");
            assertThat(after.status()).as("the places are free again").isEqualTo(200);
            listener.close();
            acceptor.join(2_000);
        }
    }
}
