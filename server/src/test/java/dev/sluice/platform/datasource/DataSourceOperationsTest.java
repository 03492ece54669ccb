package dev.sluice.platform.datasource;

import static dev.sluice.platform.PlatformTenant.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.platform.PlatformTenant;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectDraft;
import dev.sluice.platform.project.ProjectMode;
import dev.sluice.platform.project.Projects;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import tools.jackson.databind.JsonNode;

/** Data sources: production and development pairs, their configuration without secrets, who may change them. */
@SluiceServerTest
class DataSourceOperationsTest {

    static final String PASSWORD = "my-Secret-0815";

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

    static Map<String, Object> source(String name, String url) {
        return Map.of("Name", name, "Type", "MYSQL", "Description", "orders", "ConfigItemList", List.of(
                Map.of("Key", "jdbc.url", "Value", url), Map.of("Key", "jdbc.username", "Value", "app"),
                Map.of("Key", "jdbc.password", "Value", PASSWORD)));
    }

    Response create(RawClient client, Map<String, Object> command) {
        return t.as(client, "CreateDataSource").param("CreateCommand", json(command)).send();
    }

    long prod(String name) {
        Response r = create(t.owner, Map.of("ProdDataSourceCreate", source(name, "jdbc:mysql://db.internal:3306/orders")));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("CreateResult").path("ProdDataSourceId").asLong();
    }

    JsonNode list(Map<String, Object> query) {
        Map<String, Object> q = new HashMap<>(Map.of("Page", 1, "PageSize", 20));
        q.putAll(query);
        Response r = t.call("ListDataSourceWithConfig").param("ListQuery", json(q)).send();
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        return r.body().path("PageResult");
    }

    @Test
    void aPairIsCreatedAndListedWithItsConfigurationButNeverItsPassword() {
        Response r = create(t.owner, Map.of("ProdDataSourceCreate", source("orders", "jdbc:mysql://db:3306/orders"),
                "DevDataSourceCreate", Map.of("DataSourceCreate", source("orders_dev", "jdbc:mysql://db-dev:3306/orders"))));
        assertThat(r.status()).as(r.body().toString()).isEqualTo(200);
        long prodId = r.body().path("CreateResult").path("ProdDataSourceId").asLong();
        long devId = r.body().path("CreateResult").path("DevDataSourceId").asLong();

        JsonNode page = list(Map.of());
        assertThat(page.path("TotalCount").asLong()).isEqualTo(1);
        JsonNode pair = page.path("DataSourceList").get(0);
        JsonNode prod = pair.path("ProdDataSourceInfo");
        assertThat(prod.path("Id").asLong()).isEqualTo(prodId);
        assertThat(prod.path("Env").asString()).isEqualTo("PROD");
        assertThat(prod.path("Type").asString()).isEqualTo("MYSQL");
        assertThat(prod.path("Scope").asString()).isEqualTo("ALL");
        assertThat(prod.path("OwnerName").asString()).isEqualTo("owner");
        assertThat(prod.path("CreateTime").asLong()).isPositive();
        assertThat(prod.path("ConfigItemList")).extracting(i -> i.path("Key").asString()).containsExactly("jdbc.url", "jdbc.username");
        assertThat(prod.path("ConfigItemList").get(0).propertyNames()).containsExactlyInAnyOrder("Key", "Value");
        assertThat(pair.path("DevDataSourceInfo").path("Id").asLong()).isEqualTo(devId);
        assertThat(pair.path("DevDataSourceInfo").path("Env").asString()).isEqualTo("DEV");
        assertThat(page.toString()).doesNotContain(PASSWORD);
        assertThat(jdbc.sql("select item_value from source_config_item where source_kind = 'DATA' and source_id = ? and item_key = 'jdbc.password'")
                .params(prodId).query(String.class).single()).doesNotContain(PASSWORD);
    }

    @Test
    void aDevelopmentTwinJoinsAnExistingProductionSourceOnce() {
        long prodId = prod("crm");
        Response twin = create(t.owner, Map.of("DevDataSourceCreate", Map.of("ProdDataSourceId", prodId,
                "DataSourceCreate", source("crm_dev", "jdbc:mysql://dev:3306/crm"))));
        assertThat(twin.status()).as(twin.body().toString()).isEqualTo(200);
        assertThat(twin.body().path("CreateResult").path("DevDataSourceId").asLong()).isPositive();
        assertThat(list(Map.of()).path("DataSourceList").get(0).path("DevDataSourceInfo").path("Name").asString()).isEqualTo("crm_dev");

        Response again = create(t.owner, Map.of("DevDataSourceCreate", Map.of("ProdDataSourceId", prodId,
                "DataSourceCreate", source("crm_dev2", "jdbc:mysql://dev:3306/crm"))));
        assertThat(again.status()).isEqualTo(409);
        Response noProd = create(t.owner, Map.of("DevDataSourceCreate", Map.of("DataSourceCreate", source("x_dev", "jdbc:mysql://dev:3306/x"))));
        assertThat(noProd.code()).isEqualTo("MissingParameter");
        assertThat(noProd.message()).contains("CreateCommand.DevDataSourceCreate.ProdDataSourceId");
        Map<String, Object> pg = new HashMap<>(source("y_dev", "jdbc:postgresql://dev/y"));
        pg.put("Type", "POSTGRE_SQL");
        Response otherType = create(t.owner, Map.of("DevDataSourceCreate", Map.of("ProdDataSourceId", prod("y"), "DataSourceCreate", pg)));
        assertThat(otherType.message()).contains("DevDataSourceCreate.DataSourceCreate.Type", "MYSQL");
    }

    @Test
    void badCreateRequestsNameTheParameter() {
        Response empty = t.call("CreateDataSource").send();
        assertThat(empty.code()).isEqualTo("MissingParameter");
        assertThat(empty.message()).contains("CreateCommand.ProdDataSourceCreate");
        Response url = create(t.owner, Map.of("ProdDataSourceCreate", source("bad", "jdbc:mysql://db:3306/x?autoDeserialize=true")));
        assertThat(url.status()).isEqualTo(400);
        assertThat(url.message()).contains("CreateCommand.ProdDataSourceCreate.ConfigItemList[0].Value", "autoDeserialize");
        Response inUrl = create(t.owner, Map.of("ProdDataSourceCreate", source("bad", "jdbc:mysql://db:3306/x?password=hunter2")));
        assertThat(inUrl.message()).contains("jdbc.password");
        Map<String, Object> unknownType = new HashMap<>(source("bad", "x"));
        unknownType.put("Type", "FOOBASE");
        assertThat(create(t.owner, Map.of("ProdDataSourceCreate", unknownType)).message()).contains("ProdDataSourceCreate.Type", "FOOBASE");
        prod("dup");
        assertThat(create(t.owner, Map.of("ProdDataSourceCreate", source("dup", "jdbc:mysql://db:3306/x"))).code()).isEqualTo("EntityAlreadyExist");
        assertThat(list(Map.of()).path("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void onlyAdministratorsCreateAndChangeDataSources() {
        PlatformTenant.Member plain = t.member("plain");
        assertThat(create(plain.client(), Map.of("ProdDataSourceCreate", source("mine", "jdbc:mysql://db:3306/x"))).code())
                .isEqualTo("Forbidden.NoPermission");

        PlatformTenant.Member lead = t.member("lead");
        Project p = projects.create(new ProjectDraft(t.tenantId(), "p_ds", null, null, ProjectMode.BASIC, null, null, null, t.ownerId(),
                null, null, null, null));
        t.call("AddProjectMember").param("Id", p.id()).param("AddCommand", json(Map.of("Env", "PROD",
                "UserList", List.of(Map.of("UserId", String.valueOf(lead.id()), "RoleList", List.of(1)))))).send();
        Response byLead = create(lead.client(), Map.of("ProdDataSourceCreate", source("leads", "jdbc:mysql://db:3306/x")));
        assertThat(byLead.status()).isEqualTo(200);
        long leads = byLead.body().path("CreateResult").path("ProdDataSourceId").asLong();
        long owners = prod("owners");

        assertThat(t.as(lead.client(), "UpdateDataSourceBasicInfo").param("UpdateCommand", json(Map.of("Id", leads, "Name", "leads2",
                "Description", "renamed"))).send().body().path("Data").asBoolean()).isTrue();
        Response foreign = t.as(lead.client(), "UpdateDataSourceBasicInfo").param("UpdateCommand", json(Map.of("Id", owners, "Name", "x",
                "Description", "x"))).send();
        assertThat(foreign.code()).isEqualTo("Forbidden.NoPermission");
        Response foreignDelete = t.as(lead.client(), "DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV_PROD",
                "ProdDataSourceId", owners))).send();
        assertThat(foreignDelete.code()).isEqualTo("Forbidden.NoPermission");
        assertThat(list(Map.of("Name", "owners")).path("TotalCount").asLong()).isEqualTo(1);
    }

    @Test
    void basicInfoAndConfigurationAreUpdatedAndTheStoredPasswordKeptUntilTheSourceMoves() {
        long id = prod("billing");
        Response basics = t.call("UpdateDataSourceBasicInfo").param("UpdateCommand", json(Map.of("Id", id, "Name", "billing_v2",
                "Description", "moved"))).send();
        assertThat(basics.body().path("Data").asBoolean()).isTrue();
        Response config = t.call("UpdateDataSourceConfig").param("UpdateCommand", json(Map.of("Id", id, "ConfigItemList", List.of(
                Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://DB.internal/orders"), Map.of("Key", "jdbc.username", "Value", "app"))))).send();
        assertThat(config.status()).as(config.body().toString()).isEqualTo(200);
        assertThat(config.message()).isEqualTo("successful");

        JsonNode prod = list(Map.of()).path("DataSourceList").get(0).path("ProdDataSourceInfo");
        assertThat(prod.path("Name").asString()).isEqualTo("billing_v2");
        assertThat(prod.path("Description").asString()).isEqualTo("moved");
        assertThat(prod.path("ConfigItemList").get(0).path("Value").asString()).isEqualTo("jdbc:mysql://DB.internal/orders");
        assertThat(jdbc.sql("select count(*) from source_config_item where source_kind = 'DATA' and source_id = ? and secret").params(id)
                .query(Long.class).single()).isEqualTo(1);

        // Another host: the password given for db.internal is not handed to it (issue 15, item 3).
        Response moved = t.call("UpdateDataSourceConfig").param("UpdateCommand", json(Map.of("Id", id, "ConfigItemList", List.of(
                Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://new-host:3306/billing"), Map.of("Key", "jdbc.username", "Value", "app"))))).send();
        assertThat(moved.body().path("Data").asBoolean()).isTrue();
        assertThat(moved.message()).contains("jdbc.password", "dropped");
        assertThat(jdbc.sql("select count(*) from source_config_item where source_kind = 'DATA' and source_id = ? and secret").params(id)
                .query(Long.class).single()).isZero();

        Response badUrl = t.call("UpdateDataSourceConfig").param("UpdateCommand", json(Map.of("Id", id, "ConfigItemList", List.of(
                Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://u:p@host/x"))))).send();
        assertThat(badUrl.message()).contains("UpdateCommand.ConfigItemList[0].Value");
        assertThat(t.call("UpdateDataSourceBasicInfo").param("UpdateCommand", json(Map.of("Id", id, "Name", "x"))).send().message())
                .contains("UpdateCommand.Description");
        prod("taken");
        assertThat(t.call("UpdateDataSourceBasicInfo").param("UpdateCommand", json(Map.of("Id", id, "Name", "taken", "Description", "d")))
                .send().status()).isEqualTo(409);
    }

    @Test
    void deletingByModeRemovesTheTwinOrBoth() {
        Response r = create(t.owner, Map.of("ProdDataSourceCreate", source("events", "jdbc:mysql://db:3306/e"),
                "DevDataSourceCreate", Map.of("DataSourceCreate", source("events_dev", "jdbc:mysql://dev:3306/e"))));
        long prodId = r.body().path("CreateResult").path("ProdDataSourceId").asLong();
        long devId = r.body().path("CreateResult").path("DevDataSourceId").asLong();

        Response badMode = t.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "PROD", "ProdDataSourceId", prodId))).send();
        assertThat(badMode.message()).contains("DeleteCommand.Mode", "PROD");
        Response devGiven = t.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV", "ProdDataSourceId", devId))).send();
        assertThat(devGiven.message()).contains("DeleteCommand.ProdDataSourceId", String.valueOf(prodId));
        assertThat(t.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV"))).send().code()).isEqualTo("MissingParameter");

        Response dev = t.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV", "ProdDataSourceId", prodId))).send();
        assertThat(dev.body().path("Data").asBoolean()).isTrue();
        JsonNode pair = list(Map.of()).path("DataSourceList").get(0);
        assertThat(pair.has("DevDataSourceInfo")).isFalse();
        assertThat(t.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV", "ProdDataSourceId", prodId))).send().status())
                .isEqualTo(404);

        assertThat(t.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV_PROD", "ProdDataSourceId", prodId))).send()
                .status()).isEqualTo(200);
        assertThat(list(Map.of()).path("TotalCount").asLong()).isZero();
    }

    @Test
    void listingFiltersAndRefusesBadValues() {
        prod("sales_eu");
        prod("sales_us");
        prod("hr");
        assertThat(list(Map.of("Name", "SALES")).path("TotalCount").asLong()).isEqualTo(2);
        assertThat(list(Map.of("Name", "sales", "Page", 2, "PageSize", 1)).path("DataSourceList").get(0).path("ProdDataSourceInfo")
                .path("Name").asString()).isEqualTo("sales_us");
        assertThat(list(Map.of("TypeList", List.of("mysql"))).path("TotalCount").asLong()).isEqualTo(3);
        assertThat(list(Map.of("TypeList", List.of("POSTGRE_SQL"))).path("TotalCount").asLong()).isZero();
        assertThat(list(Map.of("OwnerList", List.of(String.valueOf(t.ownerId())), "ScopeList", List.of("OFFLINE"))).path("TotalCount").asLong())
                .isEqualTo(3);
        assertThat(list(Map.of("Tag", "none-has-it")).path("TotalCount").asLong()).isZero();

        Response page = t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 0, "PageSize", 20))).send();
        assertThat(page.message()).contains("ListQuery.Page");
        Response scope = t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1, "PageSize", 20, "ScopeList", List.of("SOMETIMES")))).send();
        assertThat(scope.message()).contains("ListQuery.ScopeList[0]", "SOMETIMES");
        Response missing = t.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1))).send();
        assertThat(missing.code()).isEqualTo("MissingParameter");
        assertThat(missing.message()).contains("ListQuery.PageSize");
    }

    @Test
    void dependenciesAreEmptyUntilAModuleContributesAndAnotherTenantSeesNothing() {
        long id = prod("shared");
        Response deps = t.call("GetDataSourceDependencies").param("Id", id).send();
        assertThat(deps.status()).isEqualTo(200);
        assertThat(deps.body().path("DependencyList").isArray()).isTrue();
        assertThat(deps.body().path("DependencyList")).isEmpty();
        assertThat(t.call("GetDataSourceDependencies").send().code()).isEqualTo("MissingParameter");

        PlatformTenant other = PlatformTenant.create(admin, port);
        for (var call : List.of(other.call("GetDataSourceDependencies").param("Id", id), other.call("GetCheckConnectivityJobs").param("DataSourceId", id),
                other.call("CheckDataSourceConnectivityById").param("Id", id),
                other.call("UpdateDataSourceBasicInfo").param("UpdateCommand", json(Map.of("Id", id, "Name", "stolen", "Description", "x"))),
                other.call("DeleteDataSource").param("DeleteCommand", json(Map.of("Mode", "DEV_PROD", "ProdDataSourceId", id))))) {
            Response r = call.send();
            assertThat(r.status()).as(r.body().toString()).isEqualTo(404);
            assertThat(r.body().toString()).doesNotContain("shared");
        }
        assertThat(other.call("ListDataSourceWithConfig").param("ListQuery", json(Map.of("Page", 1, "PageSize", 20))).send()
                .body().path("PageResult").path("TotalCount").asLong()).isZero();
        assertThat(list(Map.of()).path("DataSourceList").get(0).path("ProdDataSourceInfo").path("Name").asString()).isEqualTo("shared");
    }

    @Test
    void theRemainingDataSourceRefusals() {
        long id = prod("ops");
        Response noItems = t.call("UpdateDataSourceConfig").param("UpdateCommand", json(Map.of("Id", id))).send();
        assertThat(noItems.code()).isEqualTo("MissingParameter");
        assertThat(noItems.message()).contains("UpdateCommand.ConfigItemList");
        String change = json(Map.of("Id", id, "ConfigItemList", List.of(Map.of("Key", "jdbc.url", "Value", "jdbc:mysql://evil:3306/x"))));
        assertThat(t.as(t.member("plain").client(), "UpdateDataSourceConfig").param("UpdateCommand", change).send().code())
                .isEqualTo("Forbidden.NoPermission");
        assertThat(PlatformTenant.create(admin, port).call("UpdateDataSourceConfig").param("UpdateCommand", change).send().status()).isEqualTo(404);
        assertThat(list(Map.of()).path("DataSourceList").get(0).path("ProdDataSourceInfo").path("ConfigItemList").get(0).path("Value").asString())
                .isEqualTo("jdbc:mysql://db.internal:3306/orders");
        assertThat(t.call("CheckDataSourceConnectivityById").send().message()).contains("'Id'");
    }
}
