package dev.sluice.security;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;

/**
 * Item 11 of issue 15: eight identical creates sent at once. Exactly one creates the object; the others get the answer
 * a sequential duplicate gets (the operation's own 4xx, or for the idempotent AddTenantMembersBySourceUser the same
 * success), never a 5xx, and only one object exists afterwards.
 */
@SluiceServerTest
@ExtendWith(OutputCaptureExtension.class)
class ConcurrentDuplicateWritesTest {

    static final int CALLERS = 8;

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    JdbcClient jdbc;

    PlatformTenant t;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    /** A lost race is an answer, not an incident: no ERROR with a stack trace in the log. */
    @AfterEach
    void nothingLoggedAsAnError(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("failed on storage").doesNotContain("DuplicateKeyException");
    }

    /** Sends the same call from eight threads released together, and returns the answers. */
    private static List<Response> atOnce(Supplier<Response> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < CALLERS; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return call.get();
                }));
            }
            start.countDown();
            List<Response> done = new ArrayList<>();
            for (Future<Response> answer : answers) done.add(answer.get());
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void assertOneCreatedOthersRefused(List<Response> answers, int status, String code) {
        for (Response r : answers) {
            assertThat(r.status()).as(r.body().toString()).isLessThan(500);
        }
        assertThat(answers.stream().filter(Response::ok)).as(answers.toString()).hasSize(1);
        for (Response r : answers) {
            if (r.ok()) continue;
            assertThat(r.status()).as(r.body().toString()).isEqualTo(status);
            assertThat(r.code()).as(r.body().toString()).isEqualTo(code);
        }
    }

    private long rows(String table) {
        return jdbc.sql("select count(*) from " + table + " where tenant_id = ?").params(t.tenantId()).query(Long.class).single();
    }

    @Test
    void createUserGroup() throws Exception {
        List<Response> answers = atOnce(() -> t.call("CreateUserGroup").param("CreateCommand", "{\"Name\":\"racers\"}").send());
        assertOneCreatedOthersRefused(answers, 400, "InvalidParameter");
        answers.stream().filter(r -> !r.ok()).forEach(r -> assertThat(r.message()).contains("CreateCommand.Name", "exists already"));
        assertThat(rows("user_group")).isEqualTo(1);
    }

    @Test
    void createDataSource() throws Exception {
        String command = json(Map.of("ProdDataSourceCreate", Map.of("Name", "orders", "Type", "MYSQL", "ConfigItemList", List.of(
                Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://db.internal:3306/orders"), Map.of("Key", "jdbc.username", "Value", "app")))));
        List<Response> answers = atOnce(() -> t.call("CreateDataSource").param("CreateCommand", command).send());
        assertOneCreatedOthersRefused(answers, 409, "EntityAlreadyExist");
        assertThat(rows("data_source")).isEqualTo(1);
    }

    @Test
    void createComputeSource() throws Exception {
        String command = json(Map.of("Name", "cs_race", "Type", "HADOOP", "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))));
        List<Response> answers = atOnce(() -> t.call("CreateComputeSource").param("CreateCommand", command).send());
        assertOneCreatedOthersRefused(answers, 409, "EntityAlreadyExist");
        assertThat(rows("compute_source")).isEqualTo(1);
    }

    @Test
    void createRowPermission() throws Exception {
        String command = "{\"RowPermissionName\":\"regions\",\"MappingColumns\":[{\"ColumnName\":\"region\",\"ColumnType\":\"STRING\"}],"
                + "\"Tables\":[{\"ResourceId\":\"odps.1.sales.orders\",\"ColumnName\":\"region\",\"MappingColumnName\":\"region\"}],"
                + "\"Rules\":[]}";
        List<Response> answers = atOnce(() -> t.call("CreateRowPermission").param("CreateRowPermissionCommand", command).send());
        assertOneCreatedOthersRefused(answers, 400, "InvalidParameter");
        answers.stream().filter(r -> !r.ok()).forEach(r -> assertThat(r.message()).contains("RowPermissionName", "exists already"));
        assertThat(rows("row_permission")).isEqualTo(1);
    }

    /** Adding a source user who is a member already is a success that changes nothing, so all eight succeed. */
    @Test
    void addTenantMembersBySourceUser() throws Exception {
        String command = "{\"SourceUserList\":[{\"SourceId\":\"ding-4711\",\"AccountName\":\"racer\",\"DisplayName\":\"Racer\"}]}";
        List<Response> answers = atOnce(() -> t.call("AddTenantMembersBySourceUser").param("AddCommand", command).send());
        for (Response r : answers) {
            assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        }
        long users = jdbc.sql("select count(*) from app_user where account_id = ? and source_id = 'ding-4711'")
                .params(t.account.account().id()).query(Long.class).single();
        assertThat(users).isEqualTo(1);
        long memberRoles = jdbc.sql("""
                        select count(*) from tenant_member_role r join app_user u on u.id = r.user_id
                        where r.tenant_id = ? and u.source_id = 'ding-4711'""")
                .params(t.tenantId()).query(Long.class).single();
        assertThat(memberRoles).isEqualTo(1);
    }
}
