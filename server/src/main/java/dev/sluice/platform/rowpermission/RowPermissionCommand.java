package dev.sluice.platform.rowpermission;

import java.util.List;

import tools.jackson.databind.JsonNode;

/** The definition of a row-level permission as CreateRowPermission and UpdateRowPermission send it. */
record RowPermissionCommand(List<MappingColumn> mappingColumns, String rowPermissionDesc, Long rowPermissionId,
                            String rowPermissionName, List<Rule> rules, List<TableMapping> tables) {

    /** CreateRowPermission's shape: no id yet, so none is declared (a component the operation lacks would never bind). */
    record Create(List<MappingColumn> mappingColumns, String rowPermissionDesc, String rowPermissionName, List<Rule> rules,
                  List<TableMapping> tables) {

        RowPermissionCommand definition() {
            return new RowPermissionCommand(mappingColumns, rowPermissionDesc, null, rowPermissionName, rules, tables);
        }
    }

    record MappingColumn(String columnDesc, String columnName, String columnType) {
    }

    record TableMapping(String columnName, String mappingColumnName, String resourceId) {
    }

    record Rule(List<Expression> expressions, Boolean isDelete, String ruleName, String scopeType, Integer status,
                List<UserMapping> userMappingList) {
    }

    /** A RELATION compares one mapping column with values; an EXPRESSION joins its sub-conditions with AND or OR. */
    record Expression(String mappingColumnName, Operator operator, List<JsonNode> subConditions, ExpressionType type,
                      List<String> values) {
    }

    enum ExpressionType { RELATION, EXPRESSION }

    /** What a RELATION compares with (a one-value comparison has its SQL), or how an EXPRESSION joins (AND, OR). */
    enum Operator {
        EQUAL("="), NOT_EQUAL("<>"), GREATER_THAN(">"), GREATER_THAN_OR_EQUAL(">="), GREATER_EQUAL(">="), LESS_THAN("<"),
        LESS_THAN_OR_EQUAL("<="), LESS_EQUAL("<="), LIKE("LIKE"), NOT_LIKE("NOT LIKE"),
        IN(null), NOT_IN(null), IS_NULL(null), IS_NOT_NULL(null), BETWEEN(null), CUSTOM(null),
        AND(null), OR(null);

        /** The SQL of a one-value comparison; {@code null} for the other operators. */
        final String comparison;

        Operator(String comparison) {
            this.comparison = comparison;
        }
    }

    record UserMapping(AccountType accountType, List<AccountRef> accounts) {
    }

    enum AccountType { PERSONAL, USER_GROUP }

    record AccountRef(String accountId) {
    }
}
