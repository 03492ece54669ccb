package dev.sluice.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sluice.protocol.PopException;
import tools.jackson.databind.node.ObjectNode;

/** Enum values and integer ranges in the catalog: the binder refuses a value outside, naming the parameter and what fits. */
class ValueRulesTest {

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
    void anIntegerOutsideItsRangeIsRefusedWithTheBounds() {
        String query = "{\"PageNo\":%s,\"PageSize\":%s}";
        bind("ListProjects", Map.of("OpTenantId", "1", "ListQuery", query.formatted(1, 100)));
        assertThatThrownBy(() -> bind("ListProjects", Map.of("OpTenantId", "1", "ListQuery", query.formatted(1, 101))))
                .hasMessageContaining("'ListQuery.PageSize'").hasMessageContaining("must be between 1 and 100, got 101");
        assertThatThrownBy(() -> bind("ListProjects", Map.of("OpTenantId", "1", "ListQuery", query.formatted(0, 10))))
                .hasMessageContaining("'ListQuery.PageNo'").hasMessageContaining("got 0");
        assertThat(new IntegerRange(1, Long.MAX_VALUE)).isEqualTo(ValueRules.parse(List.of("A:B range 1..")).range("A", "B"));
    }

    @Test
    void theTableIsCheckedWhenRead() {
        assertThatThrownBy(() -> ValueRules.parse(List.of("GetProject:Env anycase dev,prod"))).hasMessageContaining("upper case");
        assertThatThrownBy(() -> ValueRules.parse(List.of("GetProject:Env sometimes DEV"))).hasMessageContaining("exact|anycase|range");
        assertThatThrownBy(() -> ValueRules.parse(List.of("ListProjects:ListQuery.PageSize range 1-100"))).hasMessageContaining("MIN..MAX");
        ValueRules typo = ValueRules.parse(List.of("GetProject:Enf anycase DEV,PROD"));
        typo.allowed("GetProject", "Env");
        assertThatThrownBy(typo::requireAllUsed).hasMessageContaining("GetProject:Enf");
        assertThat(CATALOG.find("GetProject").orElseThrow().param("Env").orElseThrow().allowed())
                .isEqualTo(new AllowedValues(List.of("DEV", "PROD"), true));
    }
}
