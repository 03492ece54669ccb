package dev.sluice.platform.member;


import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.usergroup.UserGroups;
import dev.sluice.protocol.PopErrors;

/**
 * Takes a member (named by source id) out of the tenant: its roles and its user-group memberships go; the user stays
 * in the account and can be added again. The tenant's owner cannot be removed; super administrators, and system
 * administrators other than the caller, are removed only by a super administrator (see {@link MemberRoles}).
 */
@Action("RemoveTenantMember")
final class RemoveTenantMember implements OperationHandler<RemoveTenantMember.Request, Void> {

    record Request(RemoveCommand removeCommand) {
    }

    record RemoveCommand(String sourceId) {
    }

    private final Accounts accounts;
    private final MemberRoles roles;
    private final UserGroups groups;

    RemoveTenantMember(Accounts accounts, MemberRoles roles, UserGroups groups) {
        this.accounts = accounts;
        this.roles = roles;
        this.groups = groups;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        String sourceId = request.removeCommand().sourceId();
        User user = accounts.userBySourceId(caller.account().id(), sourceId)
                .filter(u -> accounts.isMember(caller.tenant().id(), u.id()))
                .orElseThrow(() -> PopErrors.notFound("tenant member with source id", sourceId).exception());
        if (user.mainUser() || Long.valueOf(user.id()).equals(caller.tenant().ownerUserId())) {
            throw PopErrors.invalidParameter("RemoveCommand.SourceId", "the tenant's owner cannot be removed").exception();
        }
        roles.requireMayRemove(caller, user, "RemoveCommand.SourceId");
        groups.leaveAll(caller.tenant().id(), user.id(), user.displayName(), caller.user().id());
        roles.removeAll(caller, user);
        return null; // nothing beside the envelope
    }
}
