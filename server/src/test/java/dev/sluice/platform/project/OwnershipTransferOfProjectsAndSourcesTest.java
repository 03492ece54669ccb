package dev.sluice.platform.project;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** TransferOwnershipForAllObject moves a leaver's projects, compute sources and data sources to the heir. */
@SluiceServerTest
class OwnershipTransferOfProjectsAndSourcesTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Projects projects;

    @Test
    void projectsAndSourcesMoveToTheNewOwner() throws InterruptedException {
        PlatformTenant t = PlatformTenant.create(admin, port);
        PlatformTenant.Member leaver = t.member("leaver");
        PlatformTenant.Member heir = t.member("heir");
        Project project = projects.create(new ProjectDraft(t.tenantId(), "p_leaver", null, null, ProjectMode.BASIC, null, null, null,
                leaver.id(), null, null, null, null));
        long cs = t.as(leaver.client(), "CreateComputeSource").param("CreateCommand", json(Map.of("Name", "cs_leaver", "Type", "HADOOP",
                "ConfigList", List.of(Map.of("Key", "k", "Value", "v"))))).send().body().path("CreateResult").path("Id").asLong();
        Response ds = t.as(leaver.client(), "CreateDataSource").param("CreateCommand", json(Map.of("ProdDataSourceCreate", Map.of(
                "Name", "ds_leaver", "Type", "MYSQL", "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://db:3306/x"))))))
                .send();
        assertThat(ds.status()).as(ds.body().toString()).isEqualTo(200);

        long id = t.call("TransferOwnershipForAllObject").param("PrivilegeTransferRecord", json(Map.of("OldOwner", String.valueOf(leaver.id()),
                "NewOwner", String.valueOf(heir.id())))).send().body().path("Data").asLong();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        JsonNode info;
        do {
            assertThat(Instant.now()).isBefore(deadline);
            Thread.sleep(200);
            info = t.call("GetTransferInfo").param("ProposalId", id).send().body().path("Data");
        } while (List.of("PENDING", "RUNNING").contains(info.path("TransferStatus").asString()));
        assertThat(info.path("TransferStatus").asString()).as(info.toString()).isEqualTo("SUCCESS");

        String heirId = String.valueOf(heir.id());
        assertThat(t.call("GetProject").param("Id", project.id()).send().body().path("ProjectInfo").path("Owner").asString()).isEqualTo(heirId);
        assertThat(t.call("GetComputeSource").param("Id", cs).send().body().path("ComputeSourceInfo").path("Owner").asString()).isEqualTo(heirId);
        assertThat(t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1, "PageSize", 10, "OwnerList", List.of(heirId))))
                .send().body().path("PageResult").path("TotalCount").asLong()).isEqualTo(1);
    }
}
