package dev.sluice.platform.compute;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;
import dev.sluice.system.DataSettings;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;

/** The compute source Sluice manages (embedded: a DuckDB file in its data directory): SQL runs on it, users cannot move it. */
@SluiceServerTest
class ManagedComputeTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ManagedCompute managed;

    @Autowired
    Projects projects;

    @Autowired
    Engines engines;

    @Autowired
    DataSettings data;

    PlatformTenant t;
    long sourceId;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
        sourceId = managed.ensure(t.tenantId(), t.ownerId()).orElseThrow();
    }

    Path file() {
        return data.dataDir().toAbsolutePath().normalize().resolve("compute").resolve("tenant-" + t.tenantId() + ".duckdb");
    }

    @Test
    void sqlRunsOnTheManagedDuckdbFileInTheDataDirectory() throws Exception {
        assertThat(managed.ensure(t.tenantId(), t.ownerId())).as("a second call makes no second source").contains(sourceId);
        Project project = projects.create(new ProjectDraft(t.tenantId(), "r1_managed", null, null, ProjectMode.BASIC, null, null, null,
                t.ownerId(), null, sourceId, null, null));
        Engine engine = engines.projectCompute(t.tenantId(), project.id(), "DEV", "ProjectId");
        assertThat(engine.managed()).isTrue();
        assertThat(engine.dialect()).isEqualTo(Engine.Dialect.DUCKDB);
        try (Connection c = engines.open(engine)) {
            c.createStatement().execute("create or replace table answer as select 42 as answer");
            try (ResultSet rs = c.createStatement().executeQuery("select answer from answer")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
        assertThat(file()).exists();
        // Its SQL reaches no other file of the data directory: the master key, the server's own database.
        Path dataDir = data.dataDir().toAbsolutePath().normalize();
        try (Connection c = engines.open(engine); java.sql.Statement s = c.createStatement()) {
            for (String reach : List.of("select * from read_text('" + dataDir.resolve("master.key") + "')",
                    "attach '" + dataDir.resolve("r1-other.duckdb") + "' as other", "copy (select 1) to '" + dataDir.resolve("r1-out.csv") + "'")) {
                java.sql.SQLException refused = org.assertj.core.api.Assertions.catchThrowableOfType(java.sql.SQLException.class, () -> s.execute(reach));
                assertThat((Throwable) refused).as(reach).isNotNull();
            }
        }
        assertThat(dataDir.resolve("r1-out.csv")).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file().getParent()))).isEqualTo("rwx------");
    }

    @Test
    void theManagedSourcePassesItsConnectivityCheck() {
        Response checked = t.call("CheckComputeSourceConnectivityById").param("Id", sourceId).send();
        assertThat(checked.status()).as(checked.body().toString()).isEqualTo(200);
        assertThat(checked.body().path("Data").asBoolean()).as(checked.message()).isTrue();
    }

    @Test
    void usersCannotNameTheManagedFileNorMoveTheManagedSource() {
        Response named = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "r1_steal", "Type", "DUCKDB",
                "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", "jdbc:duckdb:" + file()))))).send();
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.message()).contains("CreateCommand.ConfigList[0].Value", "data directory");

        Response moved = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", sourceId, "Name", "sluice_managed", "Description", "moved",
                "Type", "DUCKDB", "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", "jdbc:duckdb:" + file().getParent().getParent().resolve("other.duckdb")))))).send();
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.message()).contains("UpdateCommand.ConfigList", "managed by Sluice");

        Response renamed = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", sourceId, "Name", "r1_renamed", "Description", "renamed",
                "Type", "DUCKDB", "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", "jdbc:duckdb:" + file()))))).send();
        assertThat(renamed.status()).as(renamed.body().toString()).isEqualTo(200);
        assertThat(t.call("GetComputeSource").param("Id", sourceId).send().body().path("ComputeSourceInfo").path("Name").asString())
                .isEqualTo("r1_renamed");
    }
}
