package dev.sluice.platform.usergroup;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.GroupViews.GroupView;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;

/** One group of the tenant with its administrators and the caller's role in it. */
@Action("GetUserGroup")
final class GetUserGroup implements OperationHandler<GetUserGroup.Request, GetUserGroup.Response> {

    record Request(String userGroupId) {
    }

    record Response(GroupView userGroupInfo) {
    }

    private final UserGroupStore store;
    private final GroupAccess access;
    private final TenantUsers users;

    GetUserGroup(UserGroupStore store, GroupAccess access, TenantUsers users) {
        this.store = store;
        this.access = access;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Group group = access.load(caller, request.userGroupId(), "UserGroupId");
        List<Member> members = store.members(group.id());
        var names = users.byId(caller, members.stream().filter(Member::admin).map(Member::userId).toList());
        return new Response(GroupView.of(group, members, names, caller.user().id()));
    }
}
