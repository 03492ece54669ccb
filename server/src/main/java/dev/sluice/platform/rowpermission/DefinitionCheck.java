package dev.sluice.platform.rowpermission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.rowpermission.Definition.Binding;
import dev.sluice.platform.rowpermission.Definition.CheckedRule;
import dev.sluice.platform.rowpermission.RowPermissionCommand.AccountRef;
import dev.sluice.platform.rowpermission.RowPermissionCommand.MappingColumn;
import dev.sluice.platform.rowpermission.RowPermissionCommand.Rule;
import dev.sluice.platform.rowpermission.RowPermissionCommand.TableMapping;
import dev.sluice.platform.rowpermission.RowPermissionCommand.UserMapping;
import dev.sluice.platform.usergroup.UserGroups;
import dev.sluice.protocol.PopErrors;

/** Checks a create or update command value by value and names the first field at fault. */
@Component
class DefinitionCheck {

    /** The columns that keep a rule's expressions and their SQL hold this many characters. */
    static final int MAX_STORED_EXPRESSION = 20000;
    private static final String IDENTIFIER = "[A-Za-z_][A-Za-z0-9_]{0,127}";

    private final TenantUsers users;
    private final UserGroups groups;

    DefinitionCheck(TenantUsers users, UserGroups groups) {
        this.users = users;
        this.groups = groups;
    }

    /** @param root the wire name of the command, e.g. {@code CreateRowPermissionCommand} */
    Definition check(Caller caller, RowPermissionCommand command, String root) {
        String name = text(command.rowPermissionName(), root + ".RowPermissionName", 128, true);
        String description = text(command.rowPermissionDesc(), root + ".RowPermissionDesc", 512, false);
        Map<String, String> columns = new LinkedHashMap<>();
        List<MappingColumn> mapping = command.mappingColumns();
        if (mapping.isEmpty()) throw PopErrors.invalidParameter(root + ".MappingColumns", "declare at least one mapping column").exception();
        for (int i = 0; i < mapping.size(); i++) {
            String path = root + ".MappingColumns[" + i + "]";
            String column = identifier(mapping.get(i).columnName(), path + ".ColumnName");
            String type = identifier(mapping.get(i).columnType(), path + ".ColumnType").toUpperCase(Locale.ROOT);
            text(mapping.get(i).columnDesc(), path + ".ColumnDesc", 512, false);
            if (columns.put(column, type) != null) throw PopErrors.invalidParameter(path + ".ColumnName", "'" + column + "' is declared twice").exception();
        }
        List<TableMapping> tables = command.tables() == null ? List.of() : command.tables();
        for (int i = 0; i < tables.size(); i++) {
            String path = root + ".Tables[" + i + "]";
            text(tables.get(i).resourceId(), path + ".ResourceId", 512, true);
            identifier(tables.get(i).columnName(), path + ".ColumnName");
            if (!columns.containsKey(tables.get(i).mappingColumnName())) {
                throw PopErrors.invalidParameter(path + ".MappingColumnName", "'" + tables.get(i).mappingColumnName()
                        + "' is not one of the MappingColumns").exception();
            }
        }
        FilterExpressions filters = new FilterExpressions(columns);
        List<CheckedRule> rules = new ArrayList<>();
        Set<String> ruleNames = new HashSet<>();
        List<Rule> given = command.rules() == null ? List.of() : command.rules();
        for (int i = 0; i < given.size(); i++) {
            Rule rule = given.get(i);
            if (Boolean.TRUE.equals(rule.isDelete())) continue;
            String path = root + ".Rules[" + i + "]";
            String ruleName = text(rule.ruleName(), path + ".RuleName", 128, true);
            if (!ruleNames.add(ruleName)) throw PopErrors.invalidParameter(path + ".RuleName", "'" + ruleName + "' is used twice").exception();
            String scope = identifier(rule.scopeType(), path + ".ScopeType").toUpperCase(Locale.ROOT);
            int status = rule.status() == null ? 1 : rule.status();
            if (status != 0 && status != 1) throw PopErrors.invalidParameter(path + ".Status", "1 (enabled) or 0 (disabled), got " + status).exception();
            String filter = filters.render(rule.expressions(), path + ".Expressions");
            String expressions = RpcJson.MAPPER.writeValueAsString(rule.expressions());
            if (Math.max(filter.length(), expressions.length()) > MAX_STORED_EXPRESSION) {
                throw PopErrors.invalidParameter(path + ".Expressions", "the expressions of a rule take at most " + MAX_STORED_EXPRESSION
                        + " characters when stored").exception();
            }
            rules.add(new CheckedRule(ruleName, scope, status, expressions, filter,
                    bindings(caller, rule.userMappingList(), path + ".UserMappingList")));
        }
        return new Definition(name, description, mapping, tables, rules);
    }

    private List<Binding> bindings(Caller caller, List<UserMapping> mappings, String path) {
        List<Binding> bindings = new ArrayList<>();
        if (mappings == null) return bindings;
        for (int i = 0; i < mappings.size(); i++) {
            String at = path + "[" + i + "]";
            if (mappings.get(i).accountType() == null) throw PopErrors.missingParameter(at + ".AccountType").exception();
            String type = mappings.get(i).accountType().name();
            List<AccountRef> accounts = mappings.get(i).accounts();
            for (int j = 0; j < accounts.size(); j++) {
                String id = accounts.get(j).accountId();
                String idPath = at + ".Accounts[" + j + "].AccountId";
                Binding binding = "PERSONAL".equals(type)
                        ? new Binding(type, id, users.member(caller, id, idPath).displayName())
                        : group(caller, id, idPath);
                if (bindings.stream().noneMatch(b -> b.accountType().equals(type) && b.accountId().equals(binding.accountId()))) {
                    bindings.add(binding);
                }
            }
        }
        return bindings;
    }

    private Binding group(Caller caller, String id, String path) {
        Long numeric = TenantUsers.parseId(id);
        var found = numeric == null ? null : groups.find(caller.tenant().id(), List.of(numeric)).get(numeric);
        if (found == null) throw PopErrors.invalidParameter(path, "'" + id + "' is not a user group of this tenant").exception();
        return new Binding("USER_GROUP", String.valueOf(found.id()), found.name());
    }

    private static String identifier(String value, String path) {
        if (value == null || value.isBlank()) throw PopErrors.missingParameter(path).exception();
        if (!value.matches(IDENTIFIER)) {
            throw PopErrors.invalidParameter(path, "'" + value + "' is not a column name (letters, digits and _, not starting with a digit)").exception();
        }
        return value;
    }

    private static String text(String value, String path, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) throw PopErrors.missingParameter(path).exception();
            return value;
        }
        if (value.length() > max) throw PopErrors.invalidParameter(path, "at most " + max + " characters, got " + value.length()).exception();
        return value.trim();
    }
}
