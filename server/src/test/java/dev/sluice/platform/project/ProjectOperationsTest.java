package dev.sluice.platform.project;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Reading and listing projects, their dependencies and production user, and the tenant's compute engine. */
@SluiceServerTest
class ProjectOperationsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Autowired
    TenantComputeEngineStore engines;

    PlatformTenant t;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
    }

    static ProjectDraft draft(PlatformTenant t, String name, ProjectMode mode, Long computeSource, Long devComputeSource) {
        return new ProjectDraft(t.tenantId(), name, name + " display", "about " + name, mode, null, null, null, t.ownerId(), null,
                computeSource, devComputeSource, null);
    }

    static long computeSource(PlatformTenant t, String name) {
        Response created = t.call("CreateComputeSource").param("CreateCommand", json(Map.of("Name", name, "Type", "MAX_COMPUTE",
                "ConfigList", List.of(Map.of("Key", "endpoint", "Value", "http://service.example:80/api"))))).send();
        assertThat(created.status()).as(created.body().toString()).isEqualTo(200);
        return created.body().path("CreateResult").path("Id").asLong();
    }

    @Test
    void getProjectShowsTheEnvironmentAskedFor() {
        long prodCs = computeSource(t, "cs_prod");
        long devCs = computeSource(t, "cs_dev");
        Project p = projects.create(draft(t, "dp_sales", ProjectMode.DEV_PROD, prodCs, devCs));

        JsonNode prod = t.call("GetProject").param("Id", p.id()).send().body().path("ProjectInfo");
        assertThat(prod.path("Name").asString()).isEqualTo("dp_sales");
        assertThat(prod.path("DisplayName").asString()).isEqualTo("dp_sales display");
        assertThat(prod.path("Env").asString()).isEqualTo("PROD");
        assertThat(prod.path("Mode").asString()).isEqualTo("DEV_PROD");
        assertThat(prod.path("ComputeSourceId").asLong()).isEqualTo(prodCs);
        assertThat(prod.path("ComputeSourceName").asString()).isEqualTo("cs_prod");
        assertThat(prod.path("Owner").asString()).isEqualTo(String.valueOf(t.ownerId()));
        assertThat(prod.path("OwnerName").asString()).isEqualTo("owner");
        assertThat(prod.path("GmtCreate").asString()).matches("\\d{13}");
        assertThat(prod.path("Type").asString()).isEqualTo("GENERAL");
        assertThat(prod.path("WhiteLists").isArray()).isTrue();

        Response dev = t.call("GetProject").param("Id", p.id()).param("Env", "DEV").send();
        assertThat(dev.body().path("ProjectInfo").path("ComputeSourceId").asLong()).isEqualTo(devCs);
        assertThat(dev.body().path("ProjectInfo").path("Env").asString()).isEqualTo("DEV");
    }

    @Test
    void getProjectNamesTheParameterThatIsMissingOrWrong() {
        Response missing = t.call("GetProject").send();
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("'Id'");

        Project p = projects.create(draft(t, "p1", ProjectMode.BASIC, null, null));
        Response badEnv = t.call("GetProject").param("Id", p.id()).param("Env", "STAGING").send();
        assertThat(badEnv.status()).isEqualTo(400);
        assertThat(badEnv.code()).isEqualTo("InvalidParameter");
        assertThat(badEnv.message()).contains("Env", "STAGING");

        Response unknown = t.call("GetProject").param("Id", 42).send();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("EntityNotExist");
    }

    @Test
    void anotherTenantsProjectIsNeverShown() {
        PlatformTenant other = PlatformTenant.create(admin, port);
        Project theirs = projects.create(draft(other, "secret_plan", ProjectMode.BASIC, null, null));

        for (var call : List.of(t.call("GetProject").param("Id", theirs.id()), t.call("GetProjectByName").param("Name", "secret_plan"),
                t.call("GetProjectWhiteLists").param("Id", theirs.id()), t.call("CheckProjectHasDependency").param("Id", theirs.id()),
                t.call("GetProjectProduceUser").param("ProjectId", theirs.id()))) {
            Response r = call.send();
            assertThat(r.status()).as(r.body().toString()).isEqualTo(404);
            assertThat(r.code()).isEqualTo("EntityNotExist");
            assertThat(r.body().toString()).doesNotContain("secret_plan display");
        }
        Response list = t.call("ListProjects").param("ListQuery", json(Map.of())).send();
        assertThat(list.body().path("PageResult").path("TotalCount").asLong()).isZero();
    }

    @Test
    void getProjectByNameFindsTheExactName() {
        projects.create(draft(t, "dp_test", ProjectMode.BASIC, null, null));
        Response found = t.call("GetProjectByName").param("Name", "dp_test").send();
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().path("ProjectInfo").path("Name").asString()).isEqualTo("dp_test");
        assertThat(found.body().path("ProjectInfo").path("GmtCreate").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        assertThat(t.call("GetProjectByName").param("Name", "DP_TEST").send().status()).isEqualTo(404);
        Response missing = t.call("GetProjectByName").send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("Name");
    }

    @Test
    void listProjectsFiltersAndPages() {
        for (int i = 1; i <= 5; i++) projects.create(draft(t, "sales_" + i, ProjectMode.BASIC, null, null));
        projects.create(draft(t, "finance", ProjectMode.DEV_PROD, null, null));
        projects.create(new ProjectDraft(t.tenantId(), "shared", "Shared base", null, ProjectMode.BASIC, null, "BASE", null, t.ownerId(),
                null, null, null, null));

        JsonNode page2 = t.call("ListProjects").param("ListQuery", json(Map.of("Keyword", "SALES", "PageNo", 2, "PageSize", 2)))
                .send().body().path("PageResult");
        assertThat(page2.path("TotalCount").asLong()).isEqualTo(5);
        assertThat(page2.path("ProjectList")).extracting(p -> p.path("Name").asString()).containsExactly("sales_3", "sales_4");
        assertThat(page2.path("ProjectList").get(0).path("GmtCreate").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");

        JsonNode devProd = t.call("ListProjects").param("ListQuery", json(Map.of("Mode", "DEV_PROD"))).send().body().path("PageResult");
        assertThat(devProd.path("ProjectList")).extracting(p -> p.path("Name").asString()).containsExactly("finance");
        // Mode and Env bind to enums as their anycase value rule reads them: trimmed, in any case
        JsonNode anyCase = t.call("ListProjects").param("ListQuery", json(Map.of("Mode", " dev_prod ", "Env", "Dev"))).send().body()
                .path("PageResult");
        assertThat(anyCase.path("ProjectList")).extracting(p -> p.path("Name").asString() + " " + p.path("Env").asString())
                .containsExactly("finance DEV");

        JsonNode tagged = t.call("ListProjects").param("ListQuery", json(Map.of("TagList", List.of("BASE")))).send().body().path("PageResult");
        assertThat(tagged.path("ProjectList")).extracting(p -> p.path("Name").asString()).containsExactly("shared");
    }

    @Test
    void listProjectsRefusesImpossiblePagesAndModes() {
        Response size = t.call("ListProjects").param("ListQuery", json(Map.of("PageSize", 0))).send();
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.message()).contains("ListQuery.PageSize");
        Response mode = t.call("ListProjects").param("ListQuery", json(Map.of("Mode", "FANCY"))).send();
        assertThat(mode.code()).isEqualTo("InvalidParameter");
        assertThat(mode.message()).contains("ListQuery.Mode", "'FANCY' is not one of BASIC, DEV_PROD");
        Response missing = t.call("ListProjects").send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("ListQuery");
    }

    @Test
    void aProjectBoundToAComputeSourceHasADependency() {
        Project bound = projects.create(draft(t, "bound", ProjectMode.BASIC, computeSource(t, "cs1"), null));
        Project free = projects.create(draft(t, "free", ProjectMode.BASIC, null, null));

        assertThat(t.call("CheckProjectHasDependency").param("Id", bound.id()).send().body().path("Data").asBoolean()).isTrue();
        Response none = t.call("CheckProjectHasDependency").param("Id", free.id()).send();
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().path("Data").asBoolean()).isFalse();
        assertThat(t.call("CheckProjectHasDependency").send().code()).isEqualTo("MissingParameter");
    }

    @Test
    void theProduceUserIsTheOwnerUnlessTheOperatorNamedAnotherAndOnlySuperAdministratorsMayAsk() {
        PlatformTenant.Member runner = t.member("runner");
        Project p = projects.create(draft(t, "p_default", ProjectMode.BASIC, null, null));
        Project q = projects.create(new ProjectDraft(t.tenantId(), "p_runner", null, null, ProjectMode.BASIC, null, null, null, t.ownerId(),
                runner.id(), null, null, null));

        assertThat(t.call("GetProjectProduceUser").param("ProjectId", p.id()).send().body().path("User").path("Id").asString())
                .isEqualTo(String.valueOf(t.ownerId()));
        assertThat(t.call("GetProjectProduceUser").param("ProjectId", q.id()).send().body().path("User").path("Id").asString())
                .isEqualTo(String.valueOf(runner.id()));

        Response refused = t.as(runner.client(), "GetProjectProduceUser").param("ProjectId", q.id()).send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(t.call("GetProjectProduceUser").param("ProjectId", "x1").send().code()).isEqualTo("InvalidParameter");
    }

    @Test
    void tenantAdministratorsSetTheComputeEngine() {
        Response ok = t.call("UpdateTenantComputeEngine").param("UpdateCommand", json(Map.of("Type", "MaxCompute", "Version", "1.0",
                "ClusterUrlList", List.of("http://10.0.0.1:8080", "node2:9000")))).send();
        assertThat(ok.status()).as(ok.body().toString()).isEqualTo(200);
        var engine = engines.find(t.tenantId()).orElseThrow();
        assertThat(engine.type()).isEqualTo("MAX_COMPUTE");
        assertThat(engine.clusterUrls()).containsExactly("http://10.0.0.1:8080", "node2:9000");

        Response badType = t.call("UpdateTenantComputeEngine").param("UpdateCommand", json(Map.of("Type", "MacCompute",
                "ClusterUrlList", List.of("node:1")))).send();
        assertThat(badType.code()).isEqualTo("InvalidParameter");
        assertThat(badType.message()).contains("UpdateCommand.Type", "MacCompute");
        Response badUrl = t.call("UpdateTenantComputeEngine").param("UpdateCommand", json(Map.of("Type", "HADOOP",
                "ClusterUrlList", List.of("node:1", "not a url")))).send();
        assertThat(badUrl.message()).contains("UpdateCommand.ClusterUrlList[1]");
        Response missing = t.call("UpdateTenantComputeEngine").param("UpdateCommand", json(Map.of("Type", "HADOOP"))).send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("UpdateCommand.ClusterUrlList");

        Response member = t.as(t.member("dev").client(), "UpdateTenantComputeEngine").param("UpdateCommand", json(Map.of("Type", "HADOOP",
                "ClusterUrlList", List.of("evil:1")))).send();
        assertThat(member.status()).isEqualTo(403);
        assertThat(engines.find(t.tenantId()).orElseThrow().clusterUrls()).containsExactly("http://10.0.0.1:8080", "node2:9000");
    }

    @Test
    void theOperatorGetsAReasonForEveryRefusedDraft() {
        projects.create(draft(t, "taken", ProjectMode.BASIC, null, null));
        PlatformTenant other = PlatformTenant.create(admin, port);
        long cs = computeSource(t, "cs_once");
        projects.create(draft(t, "first", ProjectMode.BASIC, cs, null));

        assertThatThrownBy(() -> projects.create(draft(t, "taken", ProjectMode.BASIC, null, null))).hasMessageContaining("already");
        assertThatThrownBy(() -> projects.create(draft(t, "9lives", ProjectMode.BASIC, null, null))).hasMessageContaining("starts with a letter");
        assertThatThrownBy(() -> projects.create(new ProjectDraft(t.tenantId(), "foreign", null, null, null, null, null, null,
                other.ownerId(), null, null, null, null))).hasMessageContaining("no user of tenant");
        assertThatThrownBy(() -> projects.create(draft(t, "second", ProjectMode.BASIC, cs, null))).hasMessageContaining("bound to project 'first'");
        assertThatThrownBy(() -> projects.create(draft(t, "basic_dev", ProjectMode.BASIC, null, computeSource(t, "cs_dev2"))))
                .hasMessageContaining("DEV_PROD");
        assertThatThrownBy(() -> projects.create(draft(other, "theirs", ProjectMode.BASIC, cs, null))).hasMessageContaining("no compute source");
    }

    @Test
    void theRemainingProjectRefusals() {
        Response produce = t.call("GetProjectProduceUser").send();
        assertThat(produce.code()).isEqualTo("MissingParameter");
        assertThat(produce.message()).contains("ProjectId");
        Response foreign = PlatformTenant.create(admin, port).owner.call("UpdateTenantComputeEngine").param("OpTenantId", t.tenantId())
                .param("UpdateCommand", json(Map.of("Type", "HADOOP", "ClusterUrlList", List.of("node:1")))).send();
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.code()).isEqualTo("Forbidden.OpTenantId");
        assertThat(engines.find(t.tenantId())).isEmpty();
        assertThat(t.call("CheckProjectHasDependency").param("Id", "abc").send().code()).isEqualTo("InvalidParameter");
    }
}
