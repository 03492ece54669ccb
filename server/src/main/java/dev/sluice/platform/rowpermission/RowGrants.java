package dev.sluice.platform.rowpermission;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.sluice.platform.PermissionChanged;
import dev.sluice.platform.rowpermission.Definition.Binding;
import dev.sluice.platform.rowpermission.Definition.CheckedRule;

/**
 * Announces who gains or loses a row-level rule as {@link PermissionChanged} (resource ROW_PERMISSION, one permission
 * type per rule name), by comparing the bindings before and after a change.
 */
@Component
class RowGrants {

    private final ApplicationEventPublisher events;
    private final Clock clock;

    RowGrants(ApplicationEventPublisher events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** A bound account; equal by type and id, the name only travels along for the record. */
    record Target(String type, String id, String name) {

        @Override
        public boolean equals(Object other) {
            return other instanceof Target t && t.type.equals(type) && t.id.equals(id);
        }

        @Override
        public int hashCode() {
            return type.hashCode() * 31 + id.hashCode();
        }
    }

    /** Rule names by bound account. */
    static Map<Target, Set<String>> of(List<CheckedRule> rules) {
        Map<Target, Set<String>> byTarget = new LinkedHashMap<>();
        for (CheckedRule rule : rules) {
            for (Binding b : rule.accounts()) {
                Target target = new Target("PERSONAL".equals(b.accountType()) ? "USER" : "USER_GROUP", b.accountId(), b.accountName());
                byTarget.computeIfAbsent(target, t -> new LinkedHashSet<>()).add(rule.name());
            }
        }
        return byTarget;
    }

    void publish(long tenantId, long permissionId, String permissionName, Map<Target, Set<String>> before,
                 Map<Target, Set<String>> after, long operatorId) {
        for (Map.Entry<Target, Set<String>> e : after.entrySet()) {
            List<String> gained = new ArrayList<>(e.getValue());
            gained.removeAll(before.getOrDefault(e.getKey(), Set.of()));
            send(tenantId, permissionId, permissionName, e.getKey(), PermissionChanged.Change.GRANT, gained, operatorId);
        }
        for (Map.Entry<Target, Set<String>> e : before.entrySet()) {
            List<String> lost = new ArrayList<>(e.getValue());
            lost.removeAll(after.getOrDefault(e.getKey(), Set.of()));
            send(tenantId, permissionId, permissionName, e.getKey(), PermissionChanged.Change.REVOKE, lost, operatorId);
        }
    }

    private void send(long tenantId, long permissionId, String permissionName, Target target, PermissionChanged.Change change,
                      List<String> ruleNames, long operatorId) {
        if (ruleNames.isEmpty()) return;
        events.publishEvent(new PermissionChanged(tenantId, change, "ROW_PERMISSION", String.valueOf(permissionId), permissionName,
                null, null, null, target.type(), target.id(), target.name(), ruleNames, null, operatorId, null, clock.instant()));
    }
}
