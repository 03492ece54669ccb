package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;
import tools.jackson.databind.node.ObjectNode;

/** Enum values in the catalog: the binder refuses a value outside the list, naming the parameter and the values. */
class EnumValuesTest {

    private static final Catalog CATALOG = Catalog.load();
    private final RequestBinder binder = new RequestBinder();

    private ObjectNode bind(String action, Map<String, String> params) {
        return binder.bind(CATALOG.find(action).orElseThrow(), params);
    }

    @Test
    void aValueOutsideTheListIsRefusedWithTheParameterAndTheAllowedValues() {
        assertThatThrownBy(() -> bind("GetProject", Map.of("OpTenantId", "1", "Id", "7", "Env", "STAGING")))
                .isInstanceOfSatisfying(PopException.class, e -> {
                    assertThat(e.error().code()).isEqualTo("InvalidParameter");
                    assertThat(e.getMessage()).contains("'Env'").contains("'STAGING' is not one of DEV, PROD");
                });
        assertThatThrownBy(() -> bind("ListDataSourceWithConfig", Map.of("OpTenantId", "1",
                "ListQuery", "{\"Page\":1,\"PageSize\":10,\"ScopeList\":[\"ALL\",\"NEARLINE\"]}")))
                .hasMessageContaining("ListQuery.ScopeList[1]").hasMessageContaining("ALL, STREAMING, OFFLINE");
    }

    @Test
    void anyCaseValuesAreMatchedAsTheHandlersReadThemAndPassedOnUnchanged() {
        ObjectNode bound = bind("GetProject", Map.of("OpTenantId", "1", "Id", "7", "Env", " dev "));
        assertThat(bound.get("Env").stringValue()).isEqualTo(" dev ");
        // blank reads as "not given" in the handler (which then uses its default)
        assertThat(bind("GetProject", Map.of("OpTenantId", "1", "Id", "7", "Env", "  ")).get("Env").stringValue()).isEqualTo("  ");
    }

    @Test
    void exactValuesAreComparedAsGiven() {
        String query = "{\"Page\":1,\"PageSize\":10,\"TabType\":\"%s\"}";
        bind("ListResourcePermissionOperationLog", Map.of("OpTenantId", "1", "ListQuery", query.formatted("TABLE")));
        assertThatThrownBy(() -> bind("ListResourcePermissionOperationLog", Map.of("OpTenantId", "1", "ListQuery", query.formatted("table"))))
                .hasMessageContaining("ListQuery.TabType").hasMessageContaining("TABLE, DATASOURCE");
    }

    @Test
    void theTableIsCheckedWhenRead() {
        assertThatThrownBy(() -> EnumValues.parse(List.of("GetProject:Env anycase dev,prod"))).hasMessageContaining("upper case");
        assertThatThrownBy(() -> EnumValues.parse(List.of("GetProject:Env sometimes DEV"))).hasMessageContaining("exact|anycase");
        EnumValues typo = EnumValues.parse(List.of("GetProject:Enf anycase DEV,PROD"));
        typo.of("GetProject", "Env");
        assertThatThrownBy(typo::requireAllUsed).hasMessageContaining("GetProject:Enf");
        assertThat(CATALOG.find("GetProject").orElseThrow().param("Env").orElseThrow().allowed())
                .isEqualTo(new AllowedValues(List.of("DEV", "PROD"), true));
    }
}
