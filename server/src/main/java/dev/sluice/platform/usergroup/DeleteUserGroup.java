package dev.sluice.platform.usergroup;

import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;

/** Deletes a group: every membership is revoked (and recorded as such), then the group itself. */
@Action("DeleteUserGroup")
final class DeleteUserGroup implements OperationHandler<DeleteUserGroup.Request, DeleteUserGroup.Response> {

    record Request(String userGroupId) {
    }

    record Response(boolean data) {
    }

    private final UserGroupStore store;
    private final GroupAccess access;
    private final GroupMembership membership;
    private final TenantUsers users;
    private final ApplicationEventPublisher events;

    DeleteUserGroup(UserGroupStore store, GroupAccess access, GroupMembership membership, TenantUsers users,
                    ApplicationEventPublisher events) {
        this.store = store;
        this.access = access;
        this.membership = membership;
        this.users = users;
        this.events = events;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Group group = access.loadManaged(caller, request.userGroupId(), "UserGroupId");
        List<Member> members = store.members(group.id());
        Map<Long, User> names = users.byId(caller, members.stream().map(Member::userId).toList());
        for (Member member : members) {
            User user = names.get(member.userId());
            membership.remove(group, member, user == null ? null : user.displayName(), caller.user().id());
        }
        events.publishEvent(new UserGroupDeleted(group.tenantId(), group.id(), caller.user().id()));
        store.delete(group.id());
        return new Response(true);
    }
}
