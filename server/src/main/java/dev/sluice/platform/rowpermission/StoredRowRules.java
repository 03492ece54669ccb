package dev.sluice.platform.rowpermission;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.platform.rowpermission.RowPermissionCommand.TableMapping;
import dev.sluice.platform.rowpermission.RowPermissionStore.StoredRule;
import dev.sluice.platform.usergroup.UserGroups;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;

/** {@link RowRules} from the stored rules: each rule's rendered filter, its mapping columns renamed to the table's. */
@Component
class StoredRowRules implements RowRules {

    private static final String NO_ROWS = "1 = 0";

    private final RowPermissionStore store;
    private final UserGroups groups;

    StoredRowRules(RowPermissionStore store, UserGroups groups) {
        this.store = store;
        this.groups = groups;
    }

    @Override
    public Optional<String> forUser(long tenantId, long userId, String tableResourceId) {
        List<String> groupIds = groups.groupIdsOf(tenantId, userId).stream().map(String::valueOf).toList();
        Set<Long> boundRules = new HashSet<>(store.ruleIdsBoundTo(tenantId, String.valueOf(userId), groupIds));
        if (boundRules.isEmpty()) return Optional.empty();
        String table = tableResourceId.toLowerCase(Locale.ROOT);
        List<String> perPermission = new ArrayList<>();
        for (long permissionId : store.permissionIdsOfRules(boundRules)) {
            Map<String, String> tableColumns = new HashMap<>();
            for (TableMapping mapping : store.tables(permissionId)) {
                if (mapping.resourceId().toLowerCase(Locale.ROOT).equals(table)) {
                    tableColumns.put(mapping.mappingColumnName(), mapping.columnName());
                }
            }
            if (tableColumns.isEmpty()) continue;
            List<String> opened = store.rules(List.of(permissionId)).stream()
                    .filter(rule -> boundRules.contains(rule.id()) && rule.status() == 1)
                    .map(rule -> onTable(rule, tableColumns)).toList();
            if (opened.isEmpty()) continue;
            perPermission.add(opened.size() == 1 ? opened.getFirst() : "(" + String.join(" OR ", opened.stream().map(c -> "(" + c + ")").toList()) + ")");
        }
        if (perPermission.isEmpty()) return Optional.empty();
        return Optional.of(perPermission.size() == 1 ? perPermission.getFirst()
                : String.join(" AND ", perPermission.stream().map(c -> "(" + c + ")").toList()));
    }

    @Override
    public boolean restrictsOnSource(long tenantId, long userId, String sourceName) {
        List<String> groupIds = groups.groupIdsOf(tenantId, userId).stream().map(String::valueOf).toList();
        Set<Long> boundRules = new HashSet<>(store.ruleIdsBoundTo(tenantId, String.valueOf(userId), groupIds));
        if (boundRules.isEmpty()) return false;
        String prefix = sourceName.toLowerCase(Locale.ROOT) + ".";
        for (long permissionId : store.permissionIdsOfRules(boundRules)) {
            boolean onSource = store.tables(permissionId).stream().anyMatch(m -> m.resourceId().toLowerCase(Locale.ROOT).startsWith(prefix));
            if (onSource && store.rules(List.of(permissionId)).stream().anyMatch(r -> boundRules.contains(r.id()) && r.status() == 1)) return true;
        }
        return false;
    }

    /** The rule's filter over the table's columns; a rule that cannot be placed on the table opens no row. */
    private static String onTable(StoredRule rule, Map<String, String> tableColumns) {
        Expression condition;
        try {
            condition = CCJSqlParserUtil.parseCondExpression(rule.filterSql(), false);
        } catch (JSQLParserException e) {
            return NO_ROWS; // it parsed when saved; a parser change must not open the table
        }
        boolean[] unmapped = {false};
        condition.accept(new ExpressionVisitorAdapter<Void>() {
            @Override
            public <S> Void visit(Column column, S context) {
                String tableColumn = tableColumns.get(column.getColumnName());
                if (tableColumn == null) unmapped[0] = true;
                else {
                    column.setColumnName(tableColumn);
                    column.setTable(null);
                }
                return null;
            }
        }, null);
        return unmapped[0] ? NO_ROWS : condition.toString();
    }
}
