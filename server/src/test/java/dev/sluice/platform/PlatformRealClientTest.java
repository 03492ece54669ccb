package dev.sluice.platform;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import com.aliyun.tea.TeaException;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.SourceDatabases;
import dev.sluice.testsupport.TeaClient;

/** Projects, compute sources and data sources through Alibaba Cloud's own generic client, unchanged but for the endpoint. */
@SluiceServerTest
@TestPropertySource(properties = SourceDatabases.LOCAL_HOSTS_ALLOWED)
class PlatformRealClientTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    PlatformTenant t;
    TeaClient tea;

    @BeforeEach
    void tenant() {
        t = PlatformTenant.create(admin, port);
        tea = new TeaClient(port, t.account.key().accessKeyId(), t.account.key().accessKeySecret());
    }

    Map<String, String> tenantQuery(Map<String, String> more) {
        var query = new java.util.HashMap<>(more);
        query.put("OpTenantId", String.valueOf(t.tenantId()));
        return query;
    }

    @Test
    void projectsThroughTheTeaClient() {
        Project p = projects.create(new ProjectDraft(t.tenantId(), "dp_tea", "Tea project", null, ProjectMode.BASIC, null, null, null,
                t.ownerId(), null, null, null, null));
        Map<String, Object> body = tea.call("GetProject", tenantQuery(Map.of("Id", String.valueOf(p.id()))), Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> info = (Map<String, Object>) body.get("ProjectInfo");
        assertThat(info.get("Name")).isEqualTo("dp_tea");
        assertThat(info.get("DisplayName")).isEqualTo("Tea project");

        Map<String, Object> listed = tea.call("ListProjects", tenantQuery(Map.of()), Map.of("ListQuery", json(Map.of("Keyword", "tea"))));
        assertThat(listed.toString()).contains("dp_tea");
        assertThatThrownBy(() -> tea.call("GetProject", tenantQuery(Map.of("Id", "1")), Map.of()))
                .isInstanceOfSatisfying(TeaException.class, e -> assertThat(e.getCode()).isEqualTo("EntityNotExist"));
    }

    @Test
    void computeSourcesThroughTheTeaClient() {
        Map<String, Object> created = tea.call("CreateComputeSource", tenantQuery(Map.of()), Map.of("CreateCommand", json(Map.of(
                "Name", "tea_pg", "Type", "POSTGRE_SQL", "ConfigList", List.of(Map.of("Key", "jdbc.url", "Value", SourceDatabases.postgresUrl()))))));
        String id = String.valueOf(((Map<?, ?>) created.get("CreateResult")).get("Id"));
        Map<String, Object> got = tea.call("GetComputeSource", tenantQuery(Map.of("Id", id)), Map.of());
        assertThat(((Map<?, ?>) got.get("ComputeSourceInfo")).get("Name")).isEqualTo("tea_pg");
        Map<String, Object> checked = tea.call("CheckComputeSourceConnectivityById", tenantQuery(Map.of("Id", id)), Map.of());
        assertThat(checked.get("Data")).isEqualTo(true);
    }

    @Test
    void dataSourcesThroughTheTeaClient() {
        Map<String, Object> created = tea.call("CreateDataSource", tenantQuery(Map.of()), Map.of("CreateCommand", json(Map.of(
                "ProdDataSourceCreate", Map.of("Name", "tea_maria", "Type", "MARIADB", "CheckActivity", true,
                        "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", SourceDatabases.mariadbUrl())))))));
        String id = String.valueOf(((Map<?, ?>) created.get("CreateResult")).get("ProdDataSourceId"));
        Map<String, Object> listed = tea.call("ListDataSourceWithConfig", tenantQuery(Map.of()),
                Map.of("ListQuery", json(Map.of("Page", 1, "PageSize", 10))));
        assertThat(listed.toString()).contains("tea_maria", SourceDatabases.mariadbUrl());
        Map<String, Object> jobs = tea.call("GetCheckConnectivityJobs", tenantQuery(Map.of("DataSourceId", id)), Map.of());
        assertThat((List<?>) jobs.get("Data")).isEmpty();
        assertThat(tea.call("CheckDataSourceConnectivityById", tenantQuery(Map.of("Id", id)), Map.of()).get("Data")).isEqualTo(true);
        assertThat((List<?>) tea.call("GetCheckConnectivityJobs", tenantQuery(Map.of("DataSourceId", id)), Map.of()).get("Data")).hasSize(1);
    }
}
