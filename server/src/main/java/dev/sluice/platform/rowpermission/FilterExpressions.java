package dev.sluice.platform.rowpermission;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.rowpermission.RowPermissionCommand.Expression;
import dev.sluice.platform.rowpermission.RowPermissionCommand.ExpressionType;
import dev.sluice.platform.rowpermission.RowPermissionCommand.Operator;
import dev.sluice.protocol.PopErrors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Turns a rule's expression tree into one SQL condition over the mapping columns and proves it parses (JSqlParser), so
 * a rule that could never be applied to a query is refused when it is saved, naming the expression at fault. Values are
 * literals: numbers for numeric columns, quoted strings otherwise. The CUSTOM operator takes a condition written in SQL
 * as its only value, which may name mapping columns only.
 */
final class FilterExpressions {

    private static final Set<String> NUMERIC = Set.of("TINYINT", "SMALLINT", "INT", "INTEGER", "BIGINT", "LONG", "FLOAT",
            "DOUBLE", "DECIMAL", "NUMBER", "NUMERIC");
    private static final int MAX_DEPTH = 8;

    /** Mapping column names (as declared) to their upper-cased types. */
    private final Map<String, String> columns;

    FilterExpressions(Map<String, String> columns) {
        this.columns = columns;
    }

    /** The rule's condition: its top-level expressions joined with AND. */
    String render(List<Expression> expressions, String path) {
        if (expressions.isEmpty()) throw PopErrors.invalidParameter(path, "a rule needs at least one expression").exception();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < expressions.size(); i++) parts.add(expression(expressions.get(i), path + "[" + i + "]", 0));
        String sql = String.join(" AND ", parts);
        parse(sql, path);
        return sql;
    }

    private String expression(Expression e, String path, int depth) {
        if (depth > MAX_DEPTH) throw PopErrors.invalidParameter(path, "expressions nest at most " + MAX_DEPTH + " deep").exception();
        if (e.type() == null) throw PopErrors.missingParameter(path + ".Type").exception();
        if (e.operator() == null) throw PopErrors.missingParameter(path + ".Operator").exception();
        Operator operator = e.operator();
        if (e.type() == ExpressionType.EXPRESSION) return combination(e, operator, path, depth);
        String column = e.mappingColumnName();
        if (operator != Operator.CUSTOM && !columns.containsKey(column)) {
            throw PopErrors.invalidParameter(path + ".MappingColumnName", "'" + column + "' is not one of the MappingColumns").exception();
        }
        List<String> values = e.values() == null ? List.of() : e.values();
        if (operator.comparison != null) {
            count(values, 1, 1, path);
            return column + " " + operator.comparison + " " + literal(column, values.getFirst(), path + ".Values[0]");
        }
        return switch (operator) {
            case IN, NOT_IN -> {
                count(values, 1, 1000, path);
                List<String> literals = new ArrayList<>();
                for (int i = 0; i < values.size(); i++) literals.add(literal(column, values.get(i), path + ".Values[" + i + "]"));
                yield column + (operator == Operator.IN ? " IN (" : " NOT IN (") + String.join(", ", literals) + ")";
            }
            case IS_NULL -> column + " IS NULL";
            case IS_NOT_NULL -> column + " IS NOT NULL";
            case BETWEEN -> {
                count(values, 2, 2, path);
                yield column + " BETWEEN " + literal(column, values.get(0), path + ".Values[0]") + " AND "
                        + literal(column, values.get(1), path + ".Values[1]");
            }
            case CUSTOM -> {
                count(values, 1, 1, path);
                custom(values.getFirst(), path + ".Values[0]");
                yield "(" + values.getFirst() + ")";
            }
            default -> throw PopErrors.invalidParameter(path + ".Operator", operator + " joins the SubConditions of an EXPRESSION;"
                    + " a RELATION compares with another operator").exception();
        };
    }

    private String combination(Expression e, Operator operator, String path, int depth) {
        if (operator != Operator.AND && operator != Operator.OR) {
            throw PopErrors.invalidParameter(path + ".Operator", "an EXPRESSION joins its SubConditions with AND or OR, not '"
                    + e.operator() + "'").exception();
        }
        List<JsonNode> subs = e.subConditions() == null ? List.of() : e.subConditions();
        if (subs.isEmpty()) throw PopErrors.invalidParameter(path + ".SubConditions", "an EXPRESSION needs at least one sub-condition").exception();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < subs.size(); i++) {
            String subPath = path + ".SubConditions[" + i + "]";
            Expression sub;
            try {
                sub = RpcJson.MAPPER.treeToValue(subs.get(i), Expression.class);
            } catch (JacksonException ex) {
                throw RpcJson.refusal(ex, subPath).exception();
            }
            if (sub == null) throw PopErrors.invalidParameter(subPath, "not an expression object").exception();
            parts.add(expression(sub, subPath, depth + 1));
        }
        return "(" + String.join(" " + operator + " ", parts) + ")";
    }

    private String literal(String column, String value, String path) {
        if (value == null) throw PopErrors.invalidParameter(path, "a value must not be null").exception();
        String type = columns.get(column);
        if (type != null && NUMERIC.contains(type)) {
            try {
                return new BigDecimal(value.trim()).toPlainString();
            } catch (NumberFormatException e) {
                throw PopErrors.invalidParameter(path, "'" + value + "' is not a number, and " + column + " is " + type).exception();
            }
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private void custom(String condition, String path) {
        net.sf.jsqlparser.expression.Expression parsed = parse(condition, path);
        List<String> unknown = new ArrayList<>();
        parsed.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                if (!columns.containsKey(column.getColumnName())) unknown.add(column.getFullyQualifiedName());
                return null;
            }
        }, null);
        if (!unknown.isEmpty()) {
            throw PopErrors.invalidParameter(path, "names " + unknown + ", which are not MappingColumns").exception();
        }
    }

    private static net.sf.jsqlparser.expression.Expression parse(String sql, String path) {
        try {
            return CCJSqlParserUtil.parseCondExpression(sql, false);
        } catch (JSQLParserException e) {
            String reason = e.getMessage() == null ? "syntax error" : e.getMessage().lines().findFirst().orElse("syntax error");
            throw PopErrors.invalidParameter(path, "'" + sql + "' is not a valid filter condition: " + reason).exception();
        }
    }

    private static void count(List<String> values, int min, int max, String path) {
        if (values.size() < min || values.size() > max) {
            String wanted = min == max ? "exactly " + min : min + " to " + max;
            throw PopErrors.invalidParameter(path + ".Values", "this operator takes " + wanted + " value(s), got " + values.size()).exception();
        }
    }

}
