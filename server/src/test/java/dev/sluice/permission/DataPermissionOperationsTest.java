package dev.sluice.permission;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Grant, revoke and check through the wire: who may, what is refused, and what the records show. */
@SluiceServerTest
class DataPermissionOperationsTest {

    static final String ORDERS = "lake.main.orders";

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    PlatformTenant t;
    PlatformTenant.Member analyst;
    long lake;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
        analyst = t.member("analyst");
        lake = computeSource(t, "lake");
    }

    static long computeSource(PlatformTenant tenant, String name) {
        Response r = tenant.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", name, "Type", "HADOOP",
                "Description", "tables", "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("Id").asLong();
    }

    static String end(Duration fromNow) {
        return String.valueOf(Instant.now().plus(fromNow).toEpochMilli());
    }

    Response grant(RawClient as, String type, String resource, List<String> operations, String userId, String effectiveEnd) {
        return t.as(as, "GrantResourcePermission").param("GrantCommand", json(Map.of("EffectiveEnd", effectiveEnd, "OperateList", operations,
                "Reason", "monthly report", "ResourceList", List.of(Map.of("ResourceId", resource)), "ResourceType", type,
                "UserIdList", List.of(userId)))).send();
    }

    Response revoke(Map<String, Object> command) {
        return t.call("RevokeResourcePermission").param("RevokeCommand", json(command)).send();
    }

    Response check(RawClient as, String type, String resource, String operation, String userId) {
        return t.as(as, "CheckResourcePermission").param("CheckCommand", json(Map.of("Operate", operation, "ResourceType", type,
                "ResourceList", List.of(Map.of("ResourceId", resource)), "UserId", userId))).send();
    }

    boolean has(String type, String resource, String operation) {
        Response r = check(t.owner, type, resource, operation, String.valueOf(analyst.id()));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        JsonNode answer = r.body().path("ResourcePermissionList").get(0);
        assertThat(answer.path("ResourceId").asString()).isEqualTo(resource);
        return answer.path("HasPermission").asBoolean();
    }

    @Test
    void aGrantCountsUntilRevokedAndIsListedWithItsPeriod() {
        String user = String.valueOf(analyst.id());
        assertThat(has("PHYSICAL_TABLE", ORDERS, "SELECT")).isFalse();
        Response granted = grant(t.owner, "PHYSICAL_TABLE", ORDERS, List.of("select", "INSERT"), user, end(Duration.ofHours(1)));
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(200);

        assertThat(has("PHYSICAL_TABLE", ORDERS, "SELECT")).isTrue();
        assertThat(has("PHYSICAL_TABLE", "LAKE.Main.Orders".replace("LAKE", "lake"), "INSERT")).isTrue();
        assertThat(has("PHYSICAL_TABLE", ORDERS, "UPDATE")).isFalse();
        assertThat(has("PHYSICAL_FIELD", ORDERS + ".amount", "SELECT")).as("a table grant covers its fields").isTrue();
        assertThat(has("PHYSICAL_TABLE", "lake.main.customers", "SELECT")).isFalse();
        // The analyst may ask about itself.
        assertThat(check(analyst.client(), "PHYSICAL_TABLE", ORDERS, "SELECT", user).body().path("ResourcePermissionList").get(0)
                .path("HasPermission").asBoolean()).isTrue();

        JsonNode records = t.call("ListResourcePermissions").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10, "TabType", "TABLE")))
                .send().body().path("PageResult");
        assertThat(records.path("TotalCount").asLong()).isEqualTo(1);
        JsonNode record = records.path("Data").get(0);
        assertThat(record.path("ResourceInfo").path("Id").asString()).isEqualTo(ORDERS);
        assertThat(record.path("TargetAccount").path("Id").asString()).isEqualTo(user);
        assertThat(record.path("PermissionPeriodList")).extracting(p -> p.path("PermissionType").asString()).containsExactlyInAnyOrder("SELECT", "INSERT");

        assertThat(revoke(Map.of("OperateList", List.of("SELECT"), "ResourceList", List.of(Map.of("ResourceId", ORDERS)),
                "ResourceType", "PHYSICAL_TABLE", "UserId", user, "Reason", "done")).status()).isEqualTo(200);
        assertThat(has("PHYSICAL_TABLE", ORDERS, "SELECT")).isFalse();
        assertThat(has("PHYSICAL_TABLE", ORDERS, "INSERT")).isTrue();
        assertThat(revoke(Map.of("ResourceList", List.of(Map.of("ResourceId", ORDERS)), "ResourceType", "PHYSICAL_TABLE", "UserId", user))
                .status()).isEqualTo(200);
        assertThat(has("PHYSICAL_TABLE", ORDERS, "INSERT")).isFalse();

        JsonNode log = t.call("ListResourcePermissionOperationLog").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10, "TabType", "TABLE")))
                .send().body();
        assertThat(log.toString()).contains(ORDERS, "GRANT", "REVOKE");
        assertThat(t.call("ListResourcePermissions").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10, "TabType", "TABLE")))
                .send().body().path("PageResult").path("TotalCount").asLong()).isZero();
    }

    @Test
    void aSourceGrantCoversItsTablesAndAnExpiredGrantStopsCounting() throws InterruptedException {
        String user = String.valueOf(analyst.id());
        assertThat(grant(t.owner, "DATASOURCE", "lake", List.of("SELECT"), user, end(Duration.ofHours(1))).status()).isEqualTo(200);
        assertThat(has("PHYSICAL_TABLE", "lake.sales.anything", "SELECT")).isTrue();
        assertThat(has("DATASOURCE", "lake", "SELECT")).isTrue();
        assertThat(t.call("ListResourcePermissions").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10, "TabType", "DATASOURCE")))
                .send().body().path("PageResult").path("TotalCount").asLong()).isEqualTo(1);

        assertThat(grant(t.owner, "PHYSICAL_TABLE", ORDERS, List.of("UPDATE"), user, end(Duration.ofSeconds(2))).status()).isEqualTo(200);
        assertThat(has("PHYSICAL_TABLE", ORDERS, "UPDATE")).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (has("PHYSICAL_TABLE", ORDERS, "UPDATE") && System.nanoTime() < deadline) Thread.sleep(250);
        assertThat(has("PHYSICAL_TABLE", ORDERS, "UPDATE")).as("the grant ended").isFalse();

        Response past = grant(t.owner, "PHYSICAL_TABLE", ORDERS, List.of("SELECT"), user, end(Duration.ofMinutes(-1)));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.code()).isEqualTo("InvalidParameter");
        assertThat(past.message()).contains("GrantCommand.EffectiveEnd");
    }

    @Test
    void badRequestsNameTheParameter() {
        String user = String.valueOf(analyst.id());
        Response type = grant(t.owner, "LOGICAL_TABLE", ORDERS, List.of("SELECT"), user, end(Duration.ofHours(1)));
        assertThat(type.code()).isEqualTo("InvalidParameter");
        assertThat(type.message()).contains("GrantCommand.ResourceType", "PHYSICAL_TABLE");
        Response operation = grant(t.owner, "PHYSICAL_TABLE", ORDERS, List.of("SELECT", "EXPORT"), user, end(Duration.ofHours(1)));
        assertThat(operation.code()).isEqualTo("InvalidParameter");
        assertThat(operation.message()).contains("GrantCommand.OperateList", "SELECT", "DROP");
        Response checkOperation = check(t.owner, "PHYSICAL_TABLE", ORDERS, "FLY", user);
        assertThat(checkOperation.message()).contains("CheckCommand.Operate");
        Response shape = grant(t.owner, "PHYSICAL_TABLE", "lake.orders", List.of("SELECT"), user, end(Duration.ofHours(1)));
        assertThat(shape.message()).contains("GrantCommand.ResourceList[0].ResourceId", "<source name>.<schema>.<table>");
        Response unknown = grant(t.owner, "PHYSICAL_TABLE", "pond.main.orders", List.of("SELECT"), user, end(Duration.ofHours(1)));
        assertThat(unknown.code()).isEqualTo("InvalidParameter");
        assertThat(unknown.message()).contains("pond.main.orders");
        Response notNumber = grant(t.owner, "PHYSICAL_TABLE", ORDERS, List.of("SELECT"), user, "tomorrow");
        assertThat(notNumber.message()).contains("GrantCommand.EffectiveEnd");

        for (String missing : List.of("EffectiveEnd", "OperateList", "ResourceList", "ResourceType", "UserIdList")) {
            Map<String, Object> command = new java.util.HashMap<>(Map.of("EffectiveEnd", end(Duration.ofHours(1)), "OperateList", List.of("SELECT"),
                    "ResourceList", List.of(Map.of("ResourceId", ORDERS)), "ResourceType", "PHYSICAL_TABLE", "UserIdList", List.of(user)));
            command.remove(missing);
            Response r = t.call("GrantResourcePermission").param("GrantCommand", json(command)).send();
            assertThat(r.code()).as(missing).isEqualTo("MissingParameter");
            assertThat(r.message()).contains("GrantCommand." + missing);
        }
        Response noUser = revoke(Map.of("ResourceList", List.of(Map.of("ResourceId", ORDERS)), "ResourceType", "PHYSICAL_TABLE"));
        assertThat(noUser.code()).isEqualTo("MissingParameter");
        assertThat(noUser.message()).contains("RevokeCommand.UserId");
        Response noOperate = t.call("CheckResourcePermission").param("CheckCommand", json(Map.of("ResourceType", "PHYSICAL_TABLE",
                "ResourceList", List.of(Map.of("ResourceId", ORDERS)), "UserId", user))).send();
        assertThat(noOperate.code()).isEqualTo("MissingParameter");
        assertThat(noOperate.message()).contains("CheckCommand.Operate");
    }

    @Test
    void anotherTenantsSourcesAndUsersAreUnknownHere() {
        PlatformTenant other = PlatformTenant.create(admin, port);
        computeSource(other, "their_lake");
        PlatformTenant.Member outsider = other.member("outsider");

        Response source = grant(t.owner, "PHYSICAL_TABLE", "their_lake.main.orders", List.of("SELECT"), String.valueOf(analyst.id()),
                end(Duration.ofHours(1)));
        assertThat(source.code()).isEqualTo("InvalidParameter");
        assertThat(source.message()).contains("their_lake.main.orders");
        Response user = grant(t.owner, "PHYSICAL_TABLE", ORDERS, List.of("SELECT"), String.valueOf(outsider.id()), end(Duration.ofHours(1)));
        assertThat(user.code()).isEqualTo("InvalidParameter");
        assertThat(user.message()).contains("GrantCommand.UserIdList[0]");
        Response check = check(t.owner, "PHYSICAL_TABLE", ORDERS, "SELECT", String.valueOf(outsider.id()));
        assertThat(check.message()).contains("CheckCommand.UserId");
    }

    @Test
    void onlySuperAdministratorsAndTheResourcesOwnersGrant() {
        String user = String.valueOf(analyst.id());
        PlatformTenant.Member lead = t.member("lead");
        Response refused = grant(analyst.client(), "PHYSICAL_TABLE", ORDERS, List.of("SELECT"), user, end(Duration.ofHours(1)));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(refused.message()).contains(ORDERS);
        Response revokeRefused = t.as(lead.client(), "RevokeResourcePermission").param("RevokeCommand", json(Map.of("ResourceList",
                List.of(Map.of("ResourceId", ORDERS)), "ResourceType", "PHYSICAL_TABLE", "UserId", user))).send();
        assertThat(revokeRefused.code()).isEqualTo("Forbidden.NoPermission");
        Response peek = check(analyst.client(), "PHYSICAL_TABLE", ORDERS, "SELECT", String.valueOf(lead.id()));
        assertThat(peek.code()).isEqualTo("Forbidden.NoPermission");

        // An administrator of the project whose compute source it is may grant on its tables.
        var project = projects.create(new ProjectDraft(t.tenantId(), "p_lake", null, null, ProjectMode.BASIC, null, null, null, t.ownerId(),
                null, lake, null, null));
        assertThat(t.call("AddProjectMember").param("Id", project.id()).param("AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", String.valueOf(lead.id()), "RoleList", List.of(1)))))).send().status()).isEqualTo(200);
        Response byLead = grant(lead.client(), "PHYSICAL_TABLE", ORDERS, List.of("SELECT"), user, end(Duration.ofHours(1)));
        assertThat(byLead.status()).as(byLead.body().toString()).isEqualTo(200);
        assertThat(check(lead.client(), "PHYSICAL_TABLE", ORDERS, "SELECT", user).body().path("ResourcePermissionList").get(0)
                .path("HasPermission").asBoolean()).isTrue();
        // Project members hold rights on its compute source by their role; others do not.
        assertThat(check(lead.client(), "PHYSICAL_TABLE", "lake.main.anything", "DROP", String.valueOf(lead.id())).body()
                .path("ResourcePermissionList").get(0).path("HasPermission").asBoolean()).isTrue();
        assertThat(has("PHYSICAL_TABLE", "lake.main.anything", "SELECT")).isFalse();
    }
}
