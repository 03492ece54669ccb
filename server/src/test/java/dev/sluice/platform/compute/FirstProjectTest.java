package dev.sluice.platform.compute;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.account.Accounts;
import dev.sluice.account.Tenant;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;

/** The very first start (embedded) leaves a first project on the managed compute source, where SQL runs at once. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:r1-first-start;DB_CLOSE_DELAY=-1", "sluice.bootstrap.enabled=true"})
class FirstProjectTest {

    static final Path DATA;

    static {
        try {
            DATA = Files.createTempDirectory("r1-first-start");
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("sluice.data-dir", DATA::toString);
        registry.add("sluice.ledger.journal-dir", () -> DATA.resolve("ledger-journal").toString());
    }

    @Autowired
    Accounts accounts;

    @Autowired
    Projects projects;

    @Autowired
    Engines engines;

    @Test
    void theFirstProjectRunsSqlOnTheManagedComputeSource() throws Exception {
        Tenant tenant = accounts.tenants(accounts.accounts().getFirst().id()).getFirst();
        Project project = projects.byName(tenant.id(), FirstProject.NAME).orElseThrow();
        assertThat(project.ownerUserId()).isEqualTo(tenant.ownerUserId());

        Engine engine = engines.projectCompute(tenant.id(), project.id(), "DEV", "ProjectId");
        assertThat(engine.managed()).isTrue();
        assertThat(engine.sourceName()).isEqualTo(ManagedCompute.NAME);
        try (Connection c = engines.open(engine); ResultSet rs = c.createStatement().executeQuery("select 42 as answer")) {
            rs.next();
            assertThat(rs.getInt("answer")).isEqualTo(42);
        }
        assertThat(DATA.resolve("compute").resolve("tenant-" + tenant.id() + ".duckdb")).exists();
    }
}
