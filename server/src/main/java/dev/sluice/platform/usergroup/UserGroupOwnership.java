package dev.sluice.platform.usergroup;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.platform.OwnedObjects;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;
import dev.sluice.protocol.PopErrors;

/**
 * User groups take part in ownership transfer: a group's owners are its administrators, so what a user owns is an
 * administrator seat, identified as {@code <group id>:<user id>} because a group has several. Transferring makes the
 * new owner an administrator and leaves the old owner in the group as a plain member.
 */
@Component
class UserGroupOwnership implements OwnedObjects {

    static final String TYPE = "USER_GROUP";

    private final UserGroupStore store;
    private final GroupMembership membership;
    private final Accounts accounts;

    UserGroupOwnership(UserGroupStore store, GroupMembership membership, Accounts accounts) {
        this.store = store;
        this.membership = membership;
        this.accounts = accounts;
    }

    @Override
    public String objectType() {
        return TYPE;
    }

    @Override
    public List<OwnedObject> ownedBy(long tenantId, long userId) {
        return store.membershipsOf(tenantId, List.of(userId)).stream().filter(Member::admin)
                .map(m -> store.find(tenantId, m.groupId()).orElseThrow())
                .map(g -> new OwnedObject(TYPE, g.id() + ":" + userId, g.name()))
                .toList();
    }

    @Override
    public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        String[] seat = object.id().split(":");
        Group group = store.find(tenantId, Long.parseLong(seat[0]))
                .orElseThrow(() -> PopErrors.notFound("user group", seat[0]).exception());
        long oldOwnerId = Long.parseLong(seat[1]);
        long accountId = accounts.tenant(tenantId).orElseThrow().accountId();
        User newOwner = accounts.user(accountId, newOwnerUserId)
                .filter(user -> accounts.isMember(tenantId, user.id()))
                .orElseThrow(() -> PopErrors.notFound("tenant member", newOwnerUserId).exception());
        // The new owner acts here: the transfer runs in the background, after the request that asked for it.
        membership.add(group, newOwner, true, newOwnerUserId);
        if (oldOwnerId == newOwnerUserId) return;
        store.member(group.id(), oldOwnerId).ifPresent(old -> membership.demote(group, old,
                accounts.user(accountId, oldOwnerId).map(User::displayName).orElse(null), newOwnerUserId));
    }
}
