package dev.sluice.runner.engines;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopException;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;

/** Where SQL runs: a project's compute source or a data source, resolved by tenant and opened with platform's protections. */
@SluiceServerTest
@TestPropertySource(properties = {SourceDatabases.LOCAL_HOSTS_ALLOWED, "sluice.sources.file-roots=target/r1-engine-files"})
class SourceEnginesTest {

    static final Path FILES = Path.of("target/r1-engine-files").toAbsolutePath().normalize();

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    Engines engines;

    @Autowired
    JdbcClient jdbc;

    PlatformTenant t;

    @BeforeEach
    void tenant() throws Exception {
        t = PlatformTenant.create(admin, port);
        Files.createDirectories(FILES);
    }

    long compute(String name, String type, String url) {
        Response r = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", name, "Type", type, "Description", "r1",
                "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", url))))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("Id").asLong();
    }

    Project project(String name, Long computeSource) {
        return projects.create(new ProjectDraft(t.tenantId(), name, null, null, ProjectMode.BASIC, null, null, null, t.ownerId(), null,
                computeSource, null, null));
    }

    static String duckdbFile() {
        return "jdbc:duckdb:" + FILES.resolve("r1_" + UUID.randomUUID().toString().replace("-", "") + ".duckdb");
    }

    static Object selectOne(Engines engines, Engine engine) throws SQLException {
        try (Connection c = engines.open(engine); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            assertThat(c.getAutoCommit()).isTrue();
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aProjectsDuckdbPostgresAndMariadbComputeSourcesRunSql() throws Exception {
        Engine duck = engines.projectCompute(t.tenantId(), project("r1_duck", compute("r1_duck", "DUCKDB", duckdbFile())).id(), "DEV", "ProjectId");
        assertThat(duck.dialect()).isEqualTo(Engine.Dialect.DUCKDB);
        assertThat(duck.defaultSchema()).isEqualTo("main");
        assertThat(duck.kind()).isEqualTo(Engine.Kind.COMPUTE);
        assertThat(duck.managed()).isFalse();
        assertThat(selectOne(engines, duck)).isEqualTo(1);

        Engine pg = engines.projectCompute(t.tenantId(), project("r1_pg", compute("r1_pg", "POSTGRE_SQL", SourceDatabases.postgresUrl())).id(),
                "PROD", "ProjectId");
        assertThat(pg.dialect()).isEqualTo(Engine.Dialect.POSTGRESQL);
        assertThat(pg.defaultSchema()).isEqualTo("public");
        assertThat(selectOne(engines, pg)).isEqualTo(1);

        Engine maria = engines.projectCompute(t.tenantId(), project("r1_maria", compute("r1_maria", "MARIADB", SourceDatabases.mariadbUrl())).id(),
                "DEV", "ProjectId");
        assertThat(maria.dialect()).isEqualTo(Engine.Dialect.MYSQL);
        assertThat(maria.defaultSchema()).isEqualTo(SourceDatabases.mariadbUrl().replaceAll(".*/([^/?]+)(\\?.*)?$", "$1"));
        assertThat(selectOne(engines, maria)).isEqualTo(1);
    }

    @Test
    void aDataSourceRunsSql() throws Exception {
        Response created = t.call("CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of("Name", "r1_pg_data",
                "Type", "POSTGRE_SQL", "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", SourceDatabases.postgresUrl())))))).send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        long id = created.body().path("CreateResult").path("ProdDataSourceId").asLong();

        Engine data = engines.dataSource(t.tenantId(), id, "ExecuteCommand.DataSourceId");
        assertThat(data.kind()).isEqualTo(Engine.Kind.DATA);
        assertThat(data.sourceName()).isEqualTo("r1_pg_data");
        assertThat(data.type()).isEqualTo("POSTGRE_SQL");
        assertThat(selectOne(engines, data)).isEqualTo(1);

        PlatformTenant other = PlatformTenant.create(admin, port);
        PopException foreign = catchThrowableOfType(PopException.class, () -> engines.dataSource(other.tenantId(), id, "ExecuteCommand.DataSourceId"));
        PopException absent = catchThrowableOfType(PopException.class, () -> engines.dataSource(other.tenantId(), 1, "ExecuteCommand.DataSourceId"));
        assertThat(foreign.error().code()).isEqualTo("EntityNotExist").isEqualTo(absent.error().code());
        assertThat(foreign.error().message()).isEqualTo(absent.error().message().replace("'1'", "'" + id + "'"));
    }

    @Test
    void refusalsNameWhatIsMissing() {
        Project bare = project("r1_bare", null);
        PopException none = catchThrowableOfType(PopException.class, () -> engines.projectCompute(t.tenantId(), bare.id(), "DEV", "ExecuteCommand.ProjectId"));
        assertThat(none.error().code()).isEqualTo("InvalidParameter");
        assertThat(none.error().message()).contains("ExecuteCommand.ProjectId", "r1_bare", "no compute source");

        Response maxCompute = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "r1_mc", "Type", "MAX_COMPUTE",
                "ConfigList", List.of(Map.of("Key", "endpoint", "Value", "http://service.cn.maxcompute.aliyun.com/api"))))).send();
        assertThat(maxCompute.status()).as(maxCompute.body().toString()).isEqualTo(200);
        Project mc = project("r1_mc", maxCompute.body().path("CreateResult").path("Id").asLong());
        PopException unsupported = catchThrowableOfType(PopException.class, () -> engines.projectCompute(t.tenantId(), mc.id(), "PROD", "ProjectId"));
        assertThat(unsupported.error().code()).isEqualTo("UnsupportedOperation");
        assertThat(unsupported.error().message()).contains("MAX_COMPUTE");

        PlatformTenant other = PlatformTenant.create(admin, port);
        PopException foreign = catchThrowableOfType(PopException.class, () -> engines.projectCompute(other.tenantId(), bare.id(), "DEV", "ProjectId"));
        PopException absent = catchThrowableOfType(PopException.class, () -> engines.projectCompute(other.tenantId(), 42, "DEV", "ProjectId"));
        assertThat(foreign.error().code()).isEqualTo("EntityNotExist").isEqualTo(absent.error().code());
        assertThat(foreign.error().message()).isEqualTo(absent.error().message().replace("'42'", "'" + bare.id() + "'"));
    }

    @Test
    void aStoredUrlThatTodaysRulesRefuseIsNotOpened() throws Exception {
        long source = compute("r1_old", "POSTGRE_SQL", SourceDatabases.postgresUrl());
        Project p = project("r1_old", source);
        Engine before = engines.projectCompute(t.tenantId(), p.id(), "DEV", "ProjectId");
        // As if saved under older, looser rules: an option that loads a class in this server.
        jdbc.sql("update source_config_item set item_value = :url where source_kind = 'COMPUTE' and source_id = :id and item_key = 'jdbc.url'")
                .param("url", SourceDatabases.postgresUrl() + "&socketFactory=java.lang.Object").param("id", source).update();

        PopException resolve = catchThrowableOfType(PopException.class, () -> engines.projectCompute(t.tenantId(), p.id(), "DEV", "ExecuteCommand.ProjectId"));
        assertThat(resolve.error().code()).isEqualTo("InvalidParameter");
        assertThat(resolve.error().message()).contains("ExecuteCommand.ProjectId", "socketFactory");
        PopException open = catchThrowableOfType(PopException.class, () -> engines.open(before));
        assertThat(open.error().message()).contains("socketFactory");
    }

    @Test
    void twoRunsOnOneDuckdbFileAreOpenAtOnce() throws Exception {
        Engine duck = engines.projectCompute(t.tenantId(), project("r1_twice", compute("r1_twice", "DUCKDB", duckdbFile())).id(), "DEV", "ProjectId");
        try (Connection first = engines.open(duck); Connection second = engines.open(duck)) {
            first.createStatement().execute("create table r1_shared (n integer)");
            first.createStatement().execute("insert into r1_shared values (7)");
            try (ResultSet rs = second.createStatement().executeQuery("select n from r1_shared")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
        // Closing both runs' connections left the database open for the next run, its data in place.
        try (Connection third = engines.open(duck); ResultSet rs = third.createStatement().executeQuery("select count(*) from r1_shared")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aCheckOfADuckdbFileThatARunHasOpenConnects() throws Exception {
        long source = compute("r1_checked", "DUCKDB", duckdbFile());
        Engine duck = engines.projectCompute(t.tenantId(), project("r1_checked", source).id(), "DEV", "ProjectId");
        try (Connection run = engines.open(duck)) {
            run.createStatement().execute("create table r1_t (n integer)");
            Response checked = t.call("CheckComputeSourceConnectivityById").param("Id", source).send();
            assertThat(checked.status()).as(checked.body().toString()).isEqualTo(200);
            assertThat(checked.body().path("Data").asBoolean()).as(checked.message()).isTrue();
        }
    }

    @Test
    void theDuckdbHardeningHoldsForRuns() throws Exception {
        Engine duck = engines.projectCompute(t.tenantId(), project("r1_hard", compute("r1_hard", "DUCKDB", duckdbFile())).id(), "DEV", "ProjectId");
        try (Connection c = engines.open(duck); Statement s = c.createStatement()) {
            SQLException read = catchThrowableOfType(SQLException.class, () -> s.executeQuery("select * from read_csv('/etc/passwd')"));
            SQLException loosen = catchThrowableOfType(SQLException.class, () -> s.execute("set enable_external_access = true"));
            assertThat((Throwable) read).as("reading a file of this server").isNotNull();
            assertThat((Throwable) loosen).as("loosening the locked configuration").isNotNull();
        }
    }
}
