package dev.sluice.platform.usergroup;

import java.util.List;


import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.protocol.PopErrors;

/** Adds tenant members to a group as plain members; users who belong already are left as they are. */
@Action("AddUserGroupMember")
final class AddUserGroupMember implements OperationHandler<AddUserGroupMember.Request, AddUserGroupMember.Response> {

    record Request(AddCommand addCommand) {
    }

    record AddCommand(String userGroupId, List<String> userIdList) {
    }

    record Response(boolean data) {
    }

    private final GroupAccess access;
    private final GroupMembership membership;
    private final TenantUsers users;

    AddUserGroupMember(GroupAccess access, GroupMembership membership, TenantUsers users) {
        this.access = access;
        this.membership = membership;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        AddCommand command = request.addCommand();
        if (command == null) throw PopErrors.missingParameter("AddCommand.UserGroupId").exception();
        if (command.userIdList() == null || command.userIdList().isEmpty()) {
            throw PopErrors.missingParameter("AddCommand.UserIdList").exception();
        }
        Group group = access.loadManaged(caller, command.userGroupId(), "AddCommand.UserGroupId");
        List<User> added = users.members(caller, command.userIdList(), "AddCommand.UserIdList");
        for (User user : added) membership.add(group, user, false, caller.user().id());
        return new Response(true);
    }
}
