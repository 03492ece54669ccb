package dev.sluice.platform.usergroup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;

/** What the rest of the platform asks about user groups: who belongs where, and which groups exist. */
@Component
public class UserGroups {

    /** A group as other features show it. */
    public record GroupSummary(long id, String name, String description, boolean active) {
    }

    private final UserGroupStore store;
    private final GroupMembership membership;

    UserGroups(UserGroupStore store, GroupMembership membership) {
        this.store = store;
        this.membership = membership;
    }

    public List<Long> groupIdsOf(long tenantId, long userId) {
        return store.membershipsOf(tenantId, List.of(userId)).stream().map(Member::groupId).toList();
    }

    /** The groups each of the users belongs to, by user id; users in no group are absent. */
    public Map<Long, List<GroupSummary>> groupsOf(long tenantId, Collection<Long> userIds) {
        List<Member> memberships = store.membershipsOf(tenantId, userIds);
        Map<Long, GroupSummary> groups = store.groups(tenantId, memberships.stream().map(Member::groupId).distinct().toList())
                .stream().collect(Collectors.toMap(Group::id, UserGroups::summary));
        Map<Long, List<GroupSummary>> byUser = new LinkedHashMap<>();
        for (Member member : memberships) {
            byUser.computeIfAbsent(member.userId(), id -> new ArrayList<>()).add(groups.get(member.groupId()));
        }
        return byUser;
    }

    /** The tenant's groups among the ids, by id. */
    public Map<Long, GroupSummary> find(long tenantId, Collection<Long> groupIds) {
        return store.groups(tenantId, groupIds).stream().collect(Collectors.toMap(Group::id, UserGroups::summary));
    }

    /** Takes the user out of every group of the tenant (a member leaving the tenant); the caller holds the transaction. */
    public void leaveAll(long tenantId, long userId, String displayName, long operatorId) {
        for (Member member : store.membershipsOf(tenantId, List.of(userId))) {
            Group group = store.find(tenantId, member.groupId()).orElseThrow();
            membership.remove(group, member, displayName, operatorId);
        }
    }

    private static GroupSummary summary(Group group) {
        return new GroupSummary(group.id(), group.name(), group.description(), group.active());
    }
}
