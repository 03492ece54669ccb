package dev.sluice.platform.rowpermission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.rowpermission.RowGrants.Target;
import dev.sluice.platform.rowpermission.RowPermissionCommand.MappingColumn;
import dev.sluice.platform.rowpermission.RowPermissionCommand.TableMapping;
import dev.sluice.platform.rowpermission.RowPermissionStore.Header;
import dev.sluice.platform.rowpermission.RowPermissionStore.StoredRule;
import dev.sluice.platform.usergroup.UserGroups;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/** Reads stored row-level permissions back into their wire shape, with the names of bound accounts. */
@Component
class RowPermissionReader {

    record PermissionView(String creator, String gmtCreate, String gmtModified, List<MappingColumn> mappingColumns,
                          String modifier, String rowPermissionDesc, long rowPermissionId, String rowPermissionName,
                          List<RuleView> rules, List<TableMapping> tables, long tenantId) {
    }

    record RuleView(List<JsonNode> expressions, long id, boolean isDelete, String ruleName, String scopeType, int status,
                    List<MappingView> userMappingList) {
    }

    record MappingView(String accountType, List<AccountView> accounts) {
    }

    record AccountView(String accountId, String accountName) {
    }

    private static final TypeReference<List<JsonNode>> NODES = new TypeReference<>() { };

    private final RowPermissionStore store;
    private final TenantUsers users;
    private final UserGroups groups;

    RowPermissionReader(RowPermissionStore store, TenantUsers users, UserGroups groups) {
        this.store = store;
        this.users = users;
        this.groups = groups;
    }

    /** Full views; {@code ruleFilter} keeps only some rules (e.g. those that bind one user). */
    List<PermissionView> views(Caller caller, List<Header> headers, Predicate<StoredRule> ruleFilter) {
        List<StoredRule> rules = store.rules(headers.stream().map(Header::id).toList()).stream().filter(ruleFilter).toList();
        Map<Long, List<MappingView>> bindings = bindings(caller, rules.stream().map(StoredRule::id).toList());
        List<PermissionView> views = new ArrayList<>();
        for (Header h : headers) {
            List<RuleView> ruleViews = rules.stream().filter(r -> r.permissionId() == h.id())
                    .map(r -> new RuleView(RpcJson.MAPPER.readValue(r.expressionsJson(), NODES), r.id(), false, r.name(),
                            r.scopeType(), r.status(), bindings.getOrDefault(r.id(), List.of())))
                    .toList();
            views.add(new PermissionView(String.valueOf(h.createdBy()), Instant.ofEpochMilli(h.createdAt()).toString(),
                    Instant.ofEpochMilli(h.modifiedAt()).toString(), store.columns(h.id()), String.valueOf(h.modifiedBy()),
                    h.description(), h.id(), h.name(), ruleViews, store.tables(h.id()), h.tenantId()));
        }
        return views;
    }

    /** The accounts bound to each rule, grouped by account type, with their names. */
    Map<Long, List<MappingView>> bindings(Caller caller, List<Long> ruleIds) {
        Map<Long, List<String[]>> raw = store.accounts(ruleIds);
        Set<Long> userIds = new HashSet<>();
        Set<Long> groupIds = new HashSet<>();
        raw.values().forEach(list -> list.forEach(pair -> {
            Long id = TenantUsers.parseId(pair[1]);
            if (id != null) ("PERSONAL".equals(pair[0]) ? userIds : groupIds).add(id);
        }));
        Map<Long, User> userNames = users.byId(caller, userIds);
        var groupNames = groups.find(caller.tenant().id(), groupIds);
        Map<Long, List<MappingView>> views = new LinkedHashMap<>();
        raw.forEach((ruleId, pairs) -> {
            Map<String, List<AccountView>> byType = new LinkedHashMap<>();
            for (String[] pair : pairs) {
                Long id = TenantUsers.parseId(pair[1]);
                String name = id == null ? null : "PERSONAL".equals(pair[0])
                        ? (userNames.containsKey(id) ? userNames.get(id).displayName() : null)
                        : (groupNames.containsKey(id) ? groupNames.get(id).name() : null);
                byType.computeIfAbsent(pair[0], t -> new ArrayList<>()).add(new AccountView(pair[1], name));
            }
            views.put(ruleId, byType.entrySet().stream().map(e -> new MappingView(e.getKey(), e.getValue())).toList());
        });
        return views;
    }

    /** Rule names by bound account, as stored: the "before" of an update or delete. */
    Map<Target, Set<String>> grants(Caller caller, long permissionId) {
        List<StoredRule> rules = store.rules(List.of(permissionId));
        Map<Long, List<MappingView>> bindings = bindings(caller, rules.stream().map(StoredRule::id).toList());
        Map<Target, Set<String>> byTarget = new LinkedHashMap<>();
        for (StoredRule rule : rules) {
            for (MappingView mapping : bindings.getOrDefault(rule.id(), List.of())) {
                String type = "PERSONAL".equals(mapping.accountType()) ? "USER" : "USER_GROUP";
                for (AccountView account : mapping.accounts()) {
                    byTarget.computeIfAbsent(new Target(type, account.accountId(), account.accountName()), t -> new LinkedHashSet<>())
                            .add(rule.name());
                }
            }
        }
        return byTarget;
    }
}
