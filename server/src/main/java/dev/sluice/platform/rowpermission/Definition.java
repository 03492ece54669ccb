package dev.sluice.platform.rowpermission;

import java.util.List;

import dev.sluice.platform.rowpermission.RowPermissionCommand.MappingColumn;
import dev.sluice.platform.rowpermission.RowPermissionCommand.TableMapping;

/** A checked row-level permission, ready to store: each rule with its rendered filter and its bound accounts. */
record Definition(String name, String description, List<MappingColumn> columns, List<TableMapping> tables, List<CheckedRule> rules) {

    record CheckedRule(String name, String scopeType, int status, String expressionsJson, String filterSql, List<Binding> accounts) {
    }

    /** An account bound to a rule: PERSONAL (a user id) or USER_GROUP (a group id), with its name for records. */
    record Binding(String accountType, String accountId, String accountName) {
    }
}
