package dev.sluice.platform.usergroup;

import java.time.Clock;
import java.util.List;


import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/** Creates a user group; its administrators are the listed members, or the caller when none is listed. */
@Action("CreateUserGroup")
final class CreateUserGroup implements OperationHandler<CreateUserGroup.Request, CreateUserGroup.Response> {

    record Request(CreateCommand createCommand) {
    }

    record CreateCommand(Boolean active, List<String> adminUserIdList, String description, String name) {
    }

    record Response(String userGroupId) {
    }

    private final UserGroupStore store;
    private final GroupMembership membership;
    private final TenantUsers users;
    private final Clock clock;

    CreateUserGroup(UserGroupStore store, GroupMembership membership, TenantUsers users, Clock clock) {
        this.store = store;
        this.membership = membership;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CreateCommand command = request.createCommand();
        if (command == null) throw PopErrors.missingParameter("CreateCommand.Name").exception();
        String name = GroupText.name(command.name(), "CreateCommand.Name");
        String description = GroupText.description(command.description(), "CreateCommand.Description");
        List<User> admins = command.adminUserIdList() == null || command.adminUserIdList().isEmpty()
                ? List.of(users.member(caller, String.valueOf(caller.user().id()), "CreateCommand.AdminUserIdList"))
                : users.members(caller, command.adminUserIdList(), "CreateCommand.AdminUserIdList");
        long tenantId = caller.tenant().id();
        if (store.nameTaken(tenantId, name, -1)) throw nameTaken(name).exception();
        long id = UniqueWrites.orRefuse(() -> store.insert(tenantId, name, description, command.active() == null || command.active(),
                caller.user().id(), clock.millis()), () -> nameTaken(name));
        UserGroupStore.Group group = store.find(tenantId, id).orElseThrow();
        for (User admin : admins) membership.add(group, admin, true, caller.user().id());
        return new Response(String.valueOf(id));
    }

    private static PopError nameTaken(String name) {
        return PopErrors.invalidParameter("CreateCommand.Name", "a user group named '" + name + "' exists already");
    }
}
