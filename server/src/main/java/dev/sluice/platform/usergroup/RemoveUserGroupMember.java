package dev.sluice.platform.usergroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;


import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;
import dev.sluice.protocol.PopErrors;

/** Removes members from a group; the group always keeps at least one administrator. */
@Action("RemoveUserGroupMember")
final class RemoveUserGroupMember implements OperationHandler<RemoveUserGroupMember.Request, RemoveUserGroupMember.Response> {

    record Request(RemoveCommand removeCommand) {
    }

    record RemoveCommand(String userGroupId, List<String> userIdList) {
    }

    record Response(boolean data) {
    }

    private final UserGroupStore store;
    private final GroupAccess access;
    private final GroupMembership membership;
    private final TenantUsers users;

    RemoveUserGroupMember(UserGroupStore store, GroupAccess access, GroupMembership membership, TenantUsers users) {
        this.store = store;
        this.access = access;
        this.membership = membership;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        RemoveCommand command = request.removeCommand();
        Group group = access.loadManaged(caller, command.userGroupId(), "RemoveCommand.UserGroupId");
        List<Member> leaving = new ArrayList<>();
        for (int i = 0; i < command.userIdList().size(); i++) {
            String id = command.userIdList().get(i);
            Long userId = TenantUsers.parseId(id);
            Member member = userId == null ? null : store.member(group.id(), userId).orElse(null);
            if (member == null) {
                throw PopErrors.invalidParameter("RemoveCommand.UserIdList[" + i + "]",
                        "'" + id + "' is not a member of user group '" + group.name() + "'").exception();
            }
            if (leaving.stream().noneMatch(m -> m.userId() == member.userId())) leaving.add(member);
        }
        long adminsLeft = store.members(group.id()).stream().filter(Member::admin)
                .filter(m -> leaving.stream().noneMatch(l -> l.userId() == m.userId())).count();
        if (adminsLeft == 0) {
            throw PopErrors.invalidParameter("RemoveCommand.UserIdList",
                    "a user group needs at least one administrator; name another administrator first (UpdateUserGroup)").exception();
        }
        Map<Long, User> names = users.byId(caller, leaving.stream().map(Member::userId).toList());
        for (Member member : leaving) {
            User user = names.get(member.userId());
            membership.remove(group, member, user == null ? null : user.displayName(), caller.user().id());
        }
        return new Response(true);
    }
}
