package dev.sluice.platform.rowpermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.rowpermission.RowPermissionCommand.Expression;
import dev.sluice.platform.rowpermission.RowPermissionCommand.ExpressionType;
import dev.sluice.platform.rowpermission.RowPermissionCommand.Operator;
import dev.sluice.protocol.PopException;

/** Expression trees become SQL conditions, and whatever could not be applied to a query is refused by path. */
class FilterExpressionsTest {

    private final FilterExpressions filters = new FilterExpressions(Map.of("region", "STRING", "amount", "BIGINT"));

    private static Expression leaf(String column, Operator operator, String... values) {
        return new Expression(column, operator, List.of(), ExpressionType.RELATION, List.of(values));
    }

    private static String message(Runnable call) {
        try {
            call.run();
        } catch (PopException e) {
            return e.error().code() + ": " + e.error().message();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void relationsAndNestedExpressionsRender() {
        Expression or = new Expression(null, Operator.OR, List.of(
                RpcJson.MAPPER.valueToTree(leaf("region", Operator.EQUAL, "east")),
                RpcJson.MAPPER.valueToTree(leaf("region", Operator.IN, "north", "o'hare"))), ExpressionType.EXPRESSION, null);
        String sql = filters.render(List.of(or, leaf("amount", Operator.BETWEEN, "1", "100"), leaf("region", Operator.IS_NOT_NULL)), "E");
        assertThat(sql).isEqualTo("(region = 'east' OR region IN ('north', 'o''hare')) AND amount BETWEEN 1 AND 100"
                + " AND region IS NOT NULL");
    }

    @Test
    void aCustomConditionMustParseAndNameOnlyMappingColumns() {
        assertThat(filters.render(List.of(leaf(null, Operator.CUSTOM, "amount > 10 AND region LIKE 'e%'")), "E"))
                .isEqualTo("(amount > 10 AND region LIKE 'e%')");
        assertThat(message(() -> filters.render(List.of(leaf(null, Operator.CUSTOM, "amount >>> 1")), "E")))
                .startsWith("InvalidParameter").contains("'E[0].Values[0]'").contains("not a valid filter condition");
        assertThat(message(() -> filters.render(List.of(leaf(null, Operator.CUSTOM, "salary > 1")), "E")))
                .contains("'E[0].Values[0]'").contains("salary");
    }

    @Test
    void badExpressionsNameTheFieldAtFault() {
        assertThat(message(() -> filters.render(List.of(leaf("amount", Operator.EQUAL, "12abc")), "E"))).contains("'E[0].Values[0]'")
                .contains("not a number");
        assertThat(message(() -> filters.render(List.of(leaf("city", Operator.EQUAL, "x")), "E"))).contains("'E[0].MappingColumnName'");
        assertThat(message(() -> filters.render(List.of(leaf("region", Operator.AND, "x")), "E"))).contains("'E[0].Operator'");
        assertThat(message(() -> filters.render(List.of(leaf("region", Operator.BETWEEN, "x")), "E"))).contains("'E[0].Values'");
        assertThat(message(() -> filters.render(List.of(new Expression(null, Operator.EQUAL, List.of(), ExpressionType.EXPRESSION, null)), "E")))
                .contains("'E[0].Operator'");
        assertThat(message(() -> filters.render(List.of(new Expression("region", null, List.of(), ExpressionType.RELATION, List.of("x"))), "E")))
                .isEqualTo("MissingParameter: The required parameter 'E[0].Operator' is missing.");
        // sub-conditions are free JSON the catalog does not check: they bind as the top level does, and refuse alike
        Expression nested = new Expression(null, Operator.AND, List.of(RpcJson.MAPPER.readTree(
                "{\"Type\":\" relation \",\"MappingColumnName\":\"region\",\"Operator\":\"approx\",\"Values\":[\"x\"]}")),
                ExpressionType.EXPRESSION, null);
        assertThat(message(() -> filters.render(List.of(nested), "E"))).startsWith("InvalidParameter")
                .contains("'E[0].SubConditions[0].Operator'").contains("'approx' is not one of EQUAL, NOT_EQUAL");
        assertThatThrownBy(() -> filters.render(List.of(), "E")).isInstanceOf(PopException.class);
    }
}
