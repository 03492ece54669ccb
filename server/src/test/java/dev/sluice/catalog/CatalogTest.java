package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

    private static final Catalog CATALOG = Catalog.load();

    @Test
    void holdsEveryOperationOfTheApi() {
        assertThat(CATALOG.contract()).hasSize(211);
        assertThat(CATALOG.size()).as("the contract and Sluice's three usage operations").isEqualTo(211 + 3);
        assertThat(CATALOG.all()).containsAll(CATALOG.contract());
    }

    @Test
    void findsByExactActionName() {
        Operation op = CATALOG.find("CreateDirectory").orElseThrow();

        assertThat(op.module()).isEqualTo("Data development");
        assertThat(op.group()).isEqualTo("Directory tree");
        assertThat(op.level()).isEqualTo(2);
        assertThat(op.minEdition()).isEqualTo(Edition.AGILE);
        assertThat(op.type()).isEqualTo(OperationType.WRITE);
        assertThat(op.request()).extracting(Param::name).containsExactly("CreateCommand", "OpTenantId");
        assertThat(CATALOG.find("createDirectory")).isEmpty();
        assertThat(CATALOG.find("NoSuchAction")).isEmpty();
        assertThat(CATALOG.find(null)).isEmpty();
    }

    @Test
    void keepsParameterShapes() {
        Param command = CATALOG.find("CreateDirectory").orElseThrow().param("CreateCommand").orElseThrow();

        assertThat(command.location()).isEqualTo(ParamLocation.BODY);
        assertThat(command.type()).isEqualTo(ParamType.OBJECT);
        assertThat(command.jsonEncoded()).isTrue();
        assertThat(command.fields()).extracting(Param::name, Param::type, Param::required).containsExactly(
                tuple("Category", ParamType.STRING, true),
                tuple("Directory", ParamType.STRING, true),
                tuple("Name", ParamType.STRING, true),
                tuple("ProjectId", ParamType.INTEGER, true));

        Param userIds = CATALOG.find("GetUsers").orElseThrow().param("UserIdList").orElseThrow();
        assertThat(userIds.type()).isEqualTo(ParamType.ARRAY);
        assertThat(userIds.items().type()).isEqualTo(ParamType.STRING);
        assertThat(userIds.items().required()).isTrue();
    }

    @Test
    void keepsResponseShapes() {
        ResponseShape response = CATALOG.find("CreateDirectory").orElseThrow().response();

        assertThat(response.type()).isEqualTo(ParamType.OBJECT);
        assertThat(response.fields()).extracting(ResponseShape::name)
                .contains("RequestId", "Success", "Code", "Message", "HttpStatusCode", "FileId");
    }

    @Test
    void groupsByModule() {
        assertThat(CATALOG.byModule("Data development")).hasSize(71)
                .allSatisfy(op -> assertThat(op.domain()).isEqualTo("develop"));
        assertThat(CATALOG.byModule("No such module")).isEmpty();
    }

    @Test
    void mapsEveryModuleToADomainPackage() {
        Map<String, String> domainByModule = CATALOG.all().stream()
                .collect(Collectors.toMap(Operation::module, Operation::domain, (a, b) -> a, TreeMap::new));

        assertThat(domainByModule).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "Data asset", "asset",
                "Data development", "develop",
                "Data permissions", "permission",
                "Data service", "dataservice",
                "O&M center", "operations",
                "Open platform", "metering",
                "Platform management", "platform")));
    }

    @Test
    void readOperationsAreExactlyTheQueries() {
        for (Operation op : CATALOG.all()) {
            String action = op.action();
            boolean query = action.startsWith("Get") || action.startsWith("List")
                    || action.startsWith("Check") || action.startsWith("Parse");
            boolean expectRead = query && !action.equals("GetFileStorageCredential");
            assertThat(op.isRead()).as(action).isEqualTo(expectRead);
        }
    }

    @Test
    void carriesAdministratorRestrictions() {
        assertThat(roles("GrantResourcePermission")).contains(AdminRole.SUPER_ADMIN, AdminRole.OWNER);
        assertThat(roles("AddTenantMembers")).containsExactlyInAnyOrder(AdminRole.SUPER_ADMIN, AdminRole.SYSTEM_ADMIN);
        assertThat(roles("GetProjectProduceUser")).containsExactly(AdminRole.SUPER_ADMIN);
        assertThat(roles("AddProjectMember")).containsExactly(AdminRole.PROJECT_ADMIN);
        assertThat(roles("CreateDirectory")).isEmpty();
        assertThat(CATALOG.all().stream().filter(op -> !op.adminRoles().isEmpty())).hasSize(15);
    }

    @Test
    void configurationPublishesTheLoadedCatalog() {
        assertThat(new CatalogConfiguration().catalog().contract()).hasSize(211);
    }

    @Test
    void isImmutable() {
        Operation op = CATALOG.all().getFirst();

        assertThatThrownBy(() -> CATALOG.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> op.request().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> op.adminRoles().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> op.request().getFirst().fields().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static Set<AdminRole> roles(String action) {
        return CATALOG.find(action).orElseThrow().adminRoles();
    }
}
