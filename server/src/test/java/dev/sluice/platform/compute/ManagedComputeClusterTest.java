package dev.sluice.platform.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.system.SecretCipher;
import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TestPostgres;

/**
 * The first start of a cluster node (PostgreSQL store) gives the first project a schema of that database as its managed
 * compute source, reached as a role of its own that reads none of Sluice's tables.
 */
class ManagedComputeClusterTest {

    @TempDir
    Path dir;

    @Test
    void theFirstProjectsComputeIsARoleOfItsOwnInTheClustersDatabase() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        OwnRedis[] ownRedis = new OwnRedis[1];
        try (TestPostgres db = TestPostgres.freshDatabase(dir)) {
            // Roles are global to the server: one left by another installation's first start would be left alone.
            dropRole(db, "sluice_compute_30000001");
            Map<String, String> env = Map.of("SLUICE_DB_URL", db.jdbcUrl(), "SLUICE_REDIS_URL", OwnRedis.sharedUrlOr(ownRedis),
                    "SLUICE_MASTER_KEY", Base64.getEncoder().encodeToString(key));
            try (ServerProcess node = ServerProcess.start(dir.resolve("node"), env, "--sluice.cluster.key-prefix=r1-" + System.nanoTime() + ":")) {
                Map<String, String> facts = node.printed().facts();
                assertThat(facts).containsKey("ProjectId");
                long tenant = Long.parseLong(facts.get("TenantId"));
                String role = "sluice_compute_" + tenant;
                try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
                    long sourceId;
                    try (ResultSet rs = s.executeQuery("select c.id, c.source_type, c.managed from project p join compute_source c on c.id = p.compute_source_id "
                            + "where p.id = " + Long.parseLong(facts.get("ProjectId")))) {
                        assertThat(rs.next()).isTrue();
                        assertThat(rs.getString("source_type")).isEqualTo("POSTGRE_SQL");
                        assertThat(rs.getBoolean("managed")).isTrue();
                        sourceId = rs.getLong("id");
                    }
                    String sealed;
                    try (ResultSet rs = s.executeQuery("select item_value from source_config_item where source_kind = 'COMPUTE' and source_id = "
                            + sourceId + " and item_key = 'jdbc.password'")) {
                        rs.next();
                        sealed = rs.getString(1);
                    }
                    String password = new SecretCipher(new SecretKeySpec(key, "AES")).decrypt(sealed, "source:COMPUTE:" + sourceId + ":jdbc.password");
                    assertThat(sealed).doesNotContain(password);

                    Properties login = new Properties();
                    login.setProperty("user", role);
                    login.setProperty("password", password);
                    try (Connection asTenant = DriverManager.getConnection(db.jdbcUrl().replaceFirst("\\?.*$", ""), login);
                         Statement t = asTenant.createStatement()) {
                        try (ResultSet rs = t.executeQuery("select 42 as answer, current_schema()")) {
                            rs.next();
                            assertThat(rs.getInt(1)).isEqualTo(42);
                            assertThat(rs.getString(2)).isEqualTo(role);
                        }
                        SQLException refused = catchThrowableOfType(SQLException.class, () -> t.executeQuery("select * from public.access_key"));
                        assertThat(refused.getSQLState()).isEqualTo("42501");
                    }
                }
                node.stop();
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
                 Statement s = admin.createStatement()) {
                s.execute("drop role if exists sluice_compute_30000001");
            } catch (SQLException ignored) {
                // only a shared server keeps roles beyond this test
            }
            if (ownRedis[0] != null) ownRedis[0].close();
        }
    }

    private static void dropRole(TestPostgres db, String role) {
        try (Connection admin = db.connect(); Statement s = admin.createStatement()) {
            s.execute("drop role if exists " + role);
        } catch (SQLException stillOwnsSomething) {
            // then the first start leaves it alone and the assertions below say so
        }
    }
}
