package dev.sluice.platform.compute;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

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
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;
import tools.jackson.databind.JsonNode;

/** Compute sources: their life cycle, who may change them, sealed secrets, checks and Spark clients. */
@SluiceServerTest
@TestPropertySource(properties = SourceDatabases.LOCAL_HOSTS_ALLOWED)
class ComputeSourceOperationsTest {

    static final String PASSWORD = "pg-Secret-4711";

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    JdbcClient jdbc;

    PlatformTenant t;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    static List<Map<String, String>> postgres(String password) {
        return List.of(Map.of("Key", "jdbc.url", "Value", SourceDatabases.postgresUrl()), Map.of("Key", "jdbc.password", "Value", password));
    }

    static Response create(PlatformTenant t, dev.sluice.testsupport.RawClient client, String name, String type, List<Map<String, String>> config) {
        return t.as(client, "CreateComputeSource").param("CreateCommand", json(Map.of("Name", name, "Type", type, "Description", "for " + name,
                "ConfigList", config))).send();
    }

    long created(String name, String type, List<Map<String, String>> config) {
        Response r = create(t, t.owner, name, type, config);
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("Id").asLong();
    }

    Project project(String name, Long computeSource) {
        return projects.create(new ProjectDraft(t.tenantId(), name, null, null, ProjectMode.BASIC, null, null, null, t.ownerId(), null,
                computeSource, null, null));
    }

    @Test
    void aComputeSourceIsCreatedShownAndItsPasswordSealed() {
        long id = created("pg_main", "PostgreSQL", postgres(PASSWORD));

        Response got = t.call("GetComputeSource").param("Id", id).send();
        assertThat(got.status()).isEqualTo(200);
        JsonNode info = got.body().path("ComputeSourceInfo");
        assertThat(info.path("Name").asString()).isEqualTo("pg_main");
        assertThat(info.path("Type").asString()).isEqualTo("POSTGRE_SQL");
        assertThat(info.path("Description").asString()).isEqualTo("for pg_main");
        assertThat(info.path("Owner").asString()).isEqualTo(String.valueOf(t.ownerId()));
        assertThat(info.path("CreatorName").asString()).isEqualTo("owner");
        assertThat(info.path("BindProject").asBoolean()).isFalse();
        assertThat(info.path("GmtCreate").asString()).matches("\\d{13}");
        assertThat(got.body().toString()).doesNotContain(PASSWORD);

        String stored = jdbc.sql("select item_value from source_config_item where source_kind = 'COMPUTE' and source_id = ? and item_key = 'jdbc.password'")
                .params(id).query(String.class).single();
        assertThat(stored).isNotEqualTo(PASSWORD).doesNotContain(PASSWORD);

        Response check = t.call("CheckComputeSourceConnectivityById").param("Id", id).send();
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.body().path("Data").asBoolean()).as(check.message()).isTrue();
    }

    @Test
    void badCreateRequestsNameTheParameter() {
        Response type = create(t, t.owner, "cs_x", "MacCompute", List.of(Map.of("Key", "k", "Value", "v")));
        assertThat(type.status()).isEqualTo(400);
        assertThat(type.message()).contains("CreateCommand.Type", "MacCompute", "MAX_COMPUTE");
        Response url = create(t, t.owner, "cs_x", "POSTGRE_SQL", List.of(Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://h/db")));
        assertThat(url.message()).contains("CreateCommand.ConfigList[0].Value", "jdbc:postgresql://");
        Response noUrl = create(t, t.owner, "cs_x", "MYSQL", List.of(Map.of("Key", "jdbc.username", "Value", "u")));
        assertThat(noUrl.message()).contains("CreateCommand.ConfigList", "jdbc.url");
        Response name = create(t, t.owner, "bad name!", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        assertThat(name.message()).contains("CreateCommand.Name");
        Response missing = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", "x", "Type", "HADOOP"))).send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("CreateCommand.ConfigList");

        created("cs_x", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        Response twice = create(t, t.owner, "cs_x", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.code()).isEqualTo("EntityAlreadyExist");
    }

    @Test
    void onlyAdministratorsCreateAndChangeComputeSources() {
        PlatformTenant.Member plain = t.member("plain");
        Response refused = create(t, plain.client(), "cs_plain", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");

        PlatformTenant.Member lead = t.member("lead");
        Project p = project("p_lead", null);
        t.call("AddProjectMember").param("Id", p.id()).param("AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", String.valueOf(lead.id()), "RoleList", List.of(1)))))).send();
        Response byLead = create(t, lead.client(), "cs_lead", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        assertThat(byLead.status()).as(byLead.body().toString()).isEqualTo(200);
        long leads = byLead.body().path("CreateResult").path("Id").asLong();
        long owners = created("cs_owner", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));

        Response ownUpdate = t.as(lead.client(), "UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", leads, "Name", "cs_lead2",
                "Type", "HADOOP", "Description", "renamed", "ConfigList", List.of(Map.of("Key", "k", "Value", "v2"))))).send();
        assertThat(ownUpdate.status()).isEqualTo(200);
        Response foreignUpdate = t.as(lead.client(), "UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", owners, "Name", "mine",
                "Type", "HADOOP", "Description", "x", "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(foreignUpdate.code()).isEqualTo("Forbidden.NoPermission");
        Response foreignDelete = t.as(plain.client(), "DeleteComputeSource").param("Id", owners).send();
        assertThat(foreignDelete.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(t.call("GetComputeSource").param("Id", leads).send().body().path("ComputeSourceInfo").path("Name").asString()).isEqualTo("cs_lead2");
    }

    @Test
    void anUpdateKeepsTheStoredPasswordUnlessANewOneIsGivenAndTheTypeStays() {
        long id = created("pg_upd", "POSTGRE_SQL", postgres(PASSWORD));
        Response kept = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", id, "Name", "pg_upd", "Type", "POSTGRE_SQL",
                "Description", "no password given", "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", SourceDatabases.postgresUrl()))))).send();
        assertThat(kept.status()).as(kept.body().toString()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from source_config_item where source_kind = 'COMPUTE' and source_id = ? and item_key = 'jdbc.password' and secret")
                .params(id).query(Long.class).single()).isEqualTo(1);

        Response retype = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", id, "Name", "pg_upd", "Type", "HADOOP",
                "Description", "x", "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(retype.message()).contains("UpdateCommand.Type", "POSTGRE_SQL");
        Response unknown = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", 1, "Name", "x", "Type", "HADOOP",
                "Description", "x", "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(unknown.status()).isEqualTo(404);
        Response missing = t.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", id, "Name", "x", "Type", "HADOOP",
                "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(missing.message()).contains("UpdateCommand.Description");
    }

    @Test
    void listingFiltersByKeywordTypeAndBinding() {
        long a = created("warehouse_a", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        created("warehouse_b", "MAX_COMPUTE", List.of(Map.of("Key", "k", "Value", "v")));
        created("lake", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        Project p = project("p_bound", a);

        JsonNode hadoop = t.call("ListComputeSources").param("ListQuery", json(Map.of("Type", "hadoop"))).send().body().path("PageResult");
        assertThat(hadoop.path("ComputeSourceList")).extracting(c -> c.path("Name").asString()).containsExactly("warehouse_a", "lake");
        JsonNode bound = t.call("ListComputeSources").param("ListQuery", json(Map.of("BindProject", true))).send().body().path("PageResult");
        assertThat(bound.path("TotalCount").asLong()).isEqualTo(1);
        assertThat(bound.path("ComputeSourceList").get(0).path("BindProjectName").asString()).isEqualTo(p.name());
        assertThat(bound.path("ComputeSourceList").get(0).path("GmtCreate").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
        JsonNode paged = t.call("ListComputeSources").param("ListQuery", json(Map.of("Keyword", "WARE", "PageSize", 1, "PageNo", 2)))
                .send().body().path("PageResult");
        assertThat(paged.path("TotalCount").asLong()).isEqualTo(2);
        assertThat(paged.path("ComputeSourceList")).extracting(c -> c.path("Name").asString()).containsExactly("warehouse_b");
        assertThat(t.call("ListComputeSources").param("ListQuery", json(Map.of("PageSize", 5000))).send().message()).contains("ListQuery.PageSize");
        assertThat(PlatformTenant.create(admin, port).call("ListComputeSources").param("ListQuery", json(Map.of())).send()
                .body().path("PageResult").path("TotalCount").asLong()).isZero();
    }

    @Test
    void aBoundComputeSourceCannotBeDeleted() {
        long bound = created("cs_bound", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        long free = created("cs_free", "HADOOP", List.of(Map.of("Key", "k", "Value", "v")));
        project("p_uses", bound);

        Response refused = t.call("DeleteComputeSource").param("Id", bound).send();
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("OperationDenied.InUse");
        assertThat(refused.message()).contains("p_uses");

        assertThat(t.call("DeleteComputeSource").param("Id", free).send().status()).isEqualTo(200);
        assertThat(t.call("GetComputeSource").param("Id", free).send().status()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from source_config_item where source_kind = 'COMPUTE' and source_id = ?").params(free)
                .query(Long.class).single()).isZero();
        assertThat(t.call("DeleteComputeSource").send().code()).isEqualTo("MissingParameter");
    }

    @Test
    void anotherTenantsComputeSourceIsNotFound() {
        long id = created("cs_private", "POSTGRE_SQL", postgres(PASSWORD));
        PlatformTenant other = PlatformTenant.create(admin, port);
        for (String action : List.of("GetComputeSource", "CheckComputeSourceConnectivityById", "DeleteComputeSource")) {
            Response r = other.call(action).param("Id", id).send();
            assertThat(r.status()).as(action).isEqualTo(404);
            assertThat(r.body().toString()).doesNotContain("cs_private");
        }
        Response update = other.call("UpdateComputeSource").param("UpdateCommand", json(Map.of("Id", id, "Name", "stolen", "Type", "POSTGRE_SQL",
                "Description", "x", "ConfigList", postgres("x")))).send();
        assertThat(update.status()).isEqualTo(404);
        assertThat(t.call("GetComputeSource").param("Id", id).send().body().path("ComputeSourceInfo").path("Name").asString()).isEqualTo("cs_private");
    }

    @Test
    void sparkLocalClientsComeFromTheProjectsComputeSource() {
        long id = created("cs_spark", "HADOOP", List.of(Map.of("Key", "spark.local-client.spark3.resource-id", "Value", "RES-1"),
                Map.of("Key", "spark.local-client.spark3.resource-name", "Value", "spark-3.zip"),
                Map.of("Key", "spark.local-client.spark3.editable", "Value", "true")));
        Project p = project("p_spark", id);
        Project bare = project("p_bare", created("cs_bare", "HADOOP", List.of(Map.of("Key", "k", "Value", "v"))));
        Project none = project("p_none", null);

        Response ok = t.call("GetSparkLocalClientInfo").param("ProjectId", p.id()).param("EnvEnum", "PROD").send();
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        JsonNode client = ok.body().path("Data").get(0);
        assertThat(client.path("ClientName").asString()).isEqualTo("spark3");
        assertThat(client.path("ClientFileResourceId").asString()).isEqualTo("RES-1");
        assertThat(client.path("ClientFileResourceName").asString()).isEqualTo("spark-3.zip");
        assertThat(client.path("Editable").asBoolean()).isTrue();

        Response notConfigured = t.call("GetSparkLocalClientInfo").param("ProjectId", bare.id()).param("EnvEnum", "PROD").send();
        assertThat(notConfigured.status()).isEqualTo(404);
        assertThat(notConfigured.code()).isEqualTo("EntityNotConfigured");
        assertThat(notConfigured.message()).contains("cs_bare", "no Spark local client");
        Response noSource = t.call("GetSparkLocalClientInfo").param("ProjectId", none.id()).param("EnvEnum", "DEV").send();
        assertThat(noSource.message()).contains("p_none", "no compute source");
        assertThat(t.call("GetSparkLocalClientInfo").param("ProjectId", "abc").param("EnvEnum", "DEV").send().message()).contains("ProjectId");
        assertThat(t.call("GetSparkLocalClientInfo").param("ProjectId", p.id()).send().code()).isEqualTo("MissingParameter");
        assertThat(PlatformTenant.create(admin, port).call("GetSparkLocalClientInfo").param("ProjectId", p.id()).param("EnvEnum", "PROD")
                .send().status()).isEqualTo(404);
    }

    @Test
    void theRemainingComputeSourceRefusals() {
        assertThat(t.call("GetComputeSource").send().message()).contains("'Id'");
        assertThat(t.call("CheckComputeSourceConnectivityById").send().message()).contains("'Id'");
        Response noQuery = t.call("ListComputeSources").send();
        assertThat(noQuery.code()).isEqualTo("MissingParameter");
        assertThat(noQuery.message()).contains("ListQuery");
        Response noConfig = t.call("CheckComputeSourceConnectivity").param("CheckCommand", json(Map.of("Type", "POSTGRE_SQL"))).send();
        assertThat(noConfig.message()).contains("CheckCommand.ConfigList");
        Response badType = t.call("CheckComputeSourceConnectivity").param("CheckCommand", json(Map.of("Type", "NOSQL9000",
                "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(badType.message()).contains("CheckCommand.Type", "NOSQL9000");
        Response stored = t.call("CheckComputeSourceConnectivity").param("CheckCommand", json(Map.of("Type", "MAX_COMPUTE",
                "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send();
        assertThat(stored.code()).isEqualTo("UnsupportedOperation");
    }
}
