package dev.sluice.platform.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import dev.sluice.platform.source.ConfigItem;
import dev.sluice.testsupport.TestPostgres;

/**
 * Cluster mode's managed compute source on a real PostgreSQL holding Sluice's tables: tenants' SQL runs as a role of its
 * own, in its own schema, and reaches none of Sluice's tables; a server user that may not create roles gets none.
 */
class ManagedSchemasTest {

    @TempDir
    Path scratch;

    TestPostgres db;
    long tenantId;
    String limitedUser;

    @BeforeEach
    void sluiceDatabase() throws Exception {
        db = TestPostgres.freshDatabase(scratch);
        Flyway.configure().dataSource(new DriverManagerDataSource(db.jdbcUrl())).locations("classpath:db/migration").load().migrate();
        // Roles are global to the PostgreSQL server: a tenant id of this test's own keeps it apart from other tests.
        tenantId = 900_000_000L + ThreadLocalRandom.current().nextInt(1_000_000);
        limitedUser = "r1_limited_" + tenantId;
    }

    @AfterEach
    void dropAll() throws Exception {
        db.close();
        // The compute role was granted to the server's user that made it: drop that user first.
        try (Connection admin = DriverManager.getConnection(System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_URL", db.jdbcUrl()));
             Statement s = admin.createStatement()) {
            s.execute("drop role if exists " + limitedUser);
            s.execute("drop role if exists " + ManagedSchemas.roleOf(tenantId));
        }
    }

    @Test
    void theTenantsRoleRunsSqlInItsSchemaAndReadsNothingOfSluices() throws Exception {
        ManagedSchemas schemas = new ManagedSchemas(new DriverManagerDataSource(db.jdbcUrl()));
        assertThat(schemas.storeIsPostgres()).isTrue();
        Map<String, String> items = schemas.create(tenantId).orElseThrow().stream().collect(Collectors.toMap(ConfigItem::key, ConfigItem::value));
        assertThat(items.get("jdbc.url")).doesNotContain("?", "user=");
        assertThat(items.get("jdbc.username")).isEqualTo("sluice_compute_" + tenantId);

        Properties login = new Properties();
        login.setProperty("user", items.get("jdbc.username"));
        login.setProperty("password", items.get("jdbc.password"));
        try (Connection tenant = DriverManager.getConnection(items.get("jdbc.url"), login); Statement s = tenant.createStatement()) {
            try (ResultSet rs = s.executeQuery("select current_schema()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("sluice_compute_" + tenantId);
            }
            s.execute("create table answer as select 42 as answer");
            try (ResultSet rs = s.executeQuery("select answer from answer")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
            for (String own : List.of("public.account", "public.access_key", "public.call_ledger", "public.source_config_item", "public.sluice_meta")) {
                SQLException refused = catchThrowableOfType(SQLException.class, () -> s.executeQuery("select * from " + own));
                assertThat((Throwable) refused).as(own).isNotNull();
                assertThat(refused.getSQLState()).as(own).isEqualTo("42501"); // insufficient_privilege
            }
            assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> s.execute("create table public.r1_planted (x int)"))).isNotNull();
            assertThat((Throwable) catchThrowableOfType(SQLException.class, () -> s.execute("set role postgres"))).isNotNull();
        }

        // A later start of the same installation takes the role and schema over, with a new password.
        Map<String, String> again = schemas.create(tenantId).orElseThrow().stream().collect(Collectors.toMap(ConfigItem::key, ConfigItem::value));
        assertThat(again.get("jdbc.password")).isNotEqualTo(items.get("jdbc.password"));
    }

    @Test
    void aServerUserWithCreateroleButNotSuperuserMakesTheSchemaToo() throws Exception {
        String database = db.jdbcUrl().replaceAll(".*/([^/?]+)(\\?.*)?$", "$1");
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            s.execute("create role " + limitedUser + " login createrole");
            s.execute("grant create on database " + database + " to " + limitedUser);
        }
        String asCreator = db.jdbcUrl().replaceFirst("user=[^&]*", "user=" + limitedUser);
        Map<String, String> items = new ManagedSchemas(new DriverManagerDataSource(asCreator)).create(tenantId).orElseThrow().stream()
                .collect(Collectors.toMap(ConfigItem::key, ConfigItem::value));
        Properties login = new Properties();
        login.setProperty("user", items.get("jdbc.username"));
        login.setProperty("password", items.get("jdbc.password"));
        try (Connection tenant = DriverManager.getConnection(items.get("jdbc.url"), login); Statement s = tenant.createStatement()) {
            s.execute("create table answer as select 42 as answer");
            SQLException refused = catchThrowableOfType(SQLException.class, () -> s.executeQuery("select * from public.account"));
            assertThat(refused.getSQLState()).isEqualTo("42501");
        }
    }

    @Test
    void aServerUserThatMayNotCreateRolesGetsNoManagedSchema() throws Exception {
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            s.execute("create role " + limitedUser + " login nocreaterole");
        }
        String asLimited = db.jdbcUrl().replaceFirst("user=[^&]*", "user=" + limitedUser);
        ManagedSchemas schemas = new ManagedSchemas(new DriverManagerDataSource(asLimited));
        assertThat(schemas.create(tenantId)).isEmpty();
        try (Connection admin = db.connect(); ResultSet rs = admin.createStatement()
                .executeQuery("select count(*) from pg_roles where rolname = 'sluice_compute_" + tenantId + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
