package dev.sluice.platform.usergroup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.platform.PermissionChanged;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;

/**
 * Every change of who belongs to or administers a group, each announced as a {@link PermissionChanged} so it shows in
 * the permission records. Callers hold the transaction.
 */
@Component
class GroupMembership {

    static final String MEMBER = "USER_GROUP_MEMBER";
    static final String ADMIN = "USER_GROUP_ADMIN";

    private final UserGroupStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GroupMembership(UserGroupStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    /** Adds the user (as administrator when {@code admin}); a member made administrator keeps its membership. */
    void add(Group group, User user, boolean admin, long operatorId) {
        var existing = store.member(group.id(), user.id());
        List<String> granted = new ArrayList<>();
        if (existing.isEmpty()) granted.add(MEMBER);
        if (admin && existing.map(m -> !m.admin()).orElse(true)) granted.add(ADMIN);
        if (granted.isEmpty()) return;
        store.addMember(group.id(), user.id(), admin, operatorId, clock.millis());
        publish(group, user.id(), user.displayName(), PermissionChanged.Change.GRANT, granted, operatorId);
    }

    /** Keeps the user as a plain member. */
    void demote(Group group, Member member, String displayName, long operatorId) {
        if (!member.admin()) return;
        store.setAdmin(group.id(), member.userId(), false);
        publish(group, member.userId(), displayName, PermissionChanged.Change.REVOKE, List.of(ADMIN), operatorId);
    }

    void remove(Group group, Member member, String displayName, long operatorId) {
        store.removeMember(group.id(), member.userId());
        List<String> revoked = member.admin() ? List.of(MEMBER, ADMIN) : List.of(MEMBER);
        publish(group, member.userId(), displayName, PermissionChanged.Change.REVOKE, revoked, operatorId);
    }

    private void publish(Group group, long userId, String displayName, PermissionChanged.Change change, List<String> types,
                         long operatorId) {
        events.publishEvent(new PermissionChanged(group.tenantId(), change, "USER_GROUP", String.valueOf(group.id()),
                group.name(), null, null, null, "USER", String.valueOf(userId), displayName, types, null, operatorId,
                null, clock.instant()));
    }
}
