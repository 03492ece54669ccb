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
    record Expression(String mappingColumnName, String operator, List<JsonNode> subConditions, String type,
                      List<String> values) {
    }

    record UserMapping(String accountType, List<AccountRef> accounts) {
    }

    record AccountRef(String accountId) {
    }
}
