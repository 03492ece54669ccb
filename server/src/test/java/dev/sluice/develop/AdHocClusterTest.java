package dev.sluice.develop;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.testsupport.CoreClient;
import dev.sluice.testsupport.Load;
import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TeaClient;
import dev.sluice.testsupport.TestPostgres;
import tools.jackson.databind.JsonNode;

/**
 * Two cluster nodes on one PostgreSQL store and Redis: a long statement started on node A, on the first project's
 * managed compute source (a schema of the cluster's PostgreSQL), is read and stopped from node B, and stops on the
 * database.
 */
class AdHocClusterTest {

    private static final String FIRST_TENANT_ROLE = "sluice_compute_30000001";

    @TempDir
    Path dir;

    @Test
    void aRunStartedOnOneNodeIsReadAndStoppedFromAnother() throws Exception {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        OwnRedis[] ownRedis = new OwnRedis[1];
        try (TestPostgres db = TestPostgres.freshDatabase(dir)) {
            dropRole(db); // roles are global to the server: one left by an earlier run would be left alone
            Map<String, String> env = Map.of("SLUICE_DB_URL", db.jdbcUrl(), "SLUICE_REDIS_URL", OwnRedis.sharedUrlOr(ownRedis),
                    "SLUICE_MASTER_KEY", Base64.getEncoder().encodeToString(key));
            String prefix = "--sluice.cluster.key-prefix=e2e17-" + System.nanoTime() + ":";
            try (ServerProcess a = ServerProcess.start(dir.resolve("a"), env, prefix);
                 ServerProcess b = ServerProcess.start(dir.resolve("b"), env, prefix)) {
                Map<String, String> facts = a.printed().facts();
                assertThat(facts).containsKey("ProjectId");
                // A fresh counter store answers 503 for its settle period (nothing in flight it did not count): wait it out.
                Load.awaitOk(List.of(new RawClient(a.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret")),
                        new RawClient(b.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"))), facts.get("TenantId"),
                        Duration.ofSeconds(60));
                TeaClient onA = new TeaClient(a.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
                CoreClient onB = new CoreClient(b.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
                Map<String, String> query = new HashMap<>(Map.of("OpTenantId", facts.get("TenantId"), "ProjectId", facts.get("ProjectId")));

                String marker = "e2e17_cluster_" + System.nanoTime();
                String command = RpcJson.MAPPER.writeValueAsString(Map.of("ProjectId", Long.parseLong(facts.get("ProjectId")),
                        "OperatorType", "SQL", "Code", "select pg_sleep(600) as " + marker + "; select 2"));
                Map<String, Object> started = onA.call("ExecuteAdHocTask", query, Map.of("ExecuteCommand", command));
                String taskId = (String) ((Map<?, ?>) started.get("ExecuteResult")).get("TaskId");
                query.put("TaskId", taskId);
                query.put("SubTaskId", "0");
                query.put("Offset", "0");

                await(Duration.ofSeconds(30), () -> active(db, marker) == 1);
                JsonNode running = RpcJson.MAPPER.readTree(onB.call("GetAdHocTaskLog", query, Map.of()).getData()).path("LogInfo");
                assertThat(running.path("TaskStatus").asString()).isEqualTo("RUNNING");
                assertThat(running.path("HasNext").asBoolean()).isTrue();
                assertThat(running.path("Content").asString()).contains("statement 1 of 2", marker);

                onB.call("StopAdHocTask", Map.of("OpTenantId", facts.get("TenantId"), "ProjectId", facts.get("ProjectId"), "TaskId", taskId), Map.of());
                await(Duration.ofSeconds(5), () -> active(db, marker) == 0);
                await(Duration.ofSeconds(10), () -> {
                    try {
                        return !RpcJson.MAPPER.readTree(onB.call("GetAdHocTaskLog", query, Map.of()).getData()).path("LogInfo").path("HasNext").asBoolean();
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                JsonNode ended = RpcJson.MAPPER.readTree(onB.call("GetAdHocTaskLog", query, Map.of()).getData()).path("LogInfo");
                assertThat(ended.path("TaskStatus").asString()).isEqualTo("CANCELLED");
                assertThat(ended.path("Content").asString()).contains("CANCELLED", "stopped by a user");
                a.stop();
                b.stop();
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(System.getenv().getOrDefault("SLUICE_TEST_POSTGRES_URL",
                    "jdbc:postgresql://127.0.0.1:5432/test?user=postgres")); Statement s = admin.createStatement()) {
                s.execute("drop role if exists " + FIRST_TENANT_ROLE);
            } catch (SQLException ignored) {
                // only a shared server keeps roles beyond this test
            }
            if (ownRedis[0] != null) ownRedis[0].close();
        }
    }

    private static int active(TestPostgres db, String marker) {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where state = 'active' and query like '%" + marker
                     + "%' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void dropRole(TestPostgres db) {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("drop role if exists " + FIRST_TENANT_ROLE);
        } catch (SQLException stillOwnsSomething) {
            // then the first start makes no managed source, and the ProjectId assertion above says why
        }
    }

    static void await(Duration limit, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) throw new AssertionError("not within " + limit);
            Thread.sleep(100);
        }
    }
}
