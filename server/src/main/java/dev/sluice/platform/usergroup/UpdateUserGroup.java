package dev.sluice.platform.usergroup;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;


import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.Member;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * Renames a group, changes its description, or replaces its administrators (former administrators stay as plain
 * members). Fields left out keep their value.
 */
@Action("UpdateUserGroup")
final class UpdateUserGroup implements OperationHandler<UpdateUserGroup.Request, UpdateUserGroup.Response> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(List<String> adminUserIdList, String description, String id, String name) {
    }

    record Response(boolean data) {
    }

    private final UserGroupStore store;
    private final GroupAccess access;
    private final GroupMembership membership;
    private final TenantUsers users;
    private final Clock clock;

    UpdateUserGroup(UserGroupStore store, GroupAccess access, GroupMembership membership, TenantUsers users, Clock clock) {
        this.store = store;
        this.access = access;
        this.membership = membership;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        UpdateCommand command = request.updateCommand();
        if (command == null || command.id() == null) throw PopErrors.missingParameter("UpdateCommand.Id").exception();
        Group group = access.loadManaged(caller, command.id(), "UpdateCommand.Id");
        String name = command.name() == null ? group.name() : GroupText.name(command.name(), "UpdateCommand.Name");
        String description = command.description() == null ? group.description()
                : GroupText.description(command.description(), "UpdateCommand.Description");
        Supplier<PopError> nameTaken = () -> PopErrors.invalidParameter("UpdateCommand.Name", "a user group named '" + name + "' exists already");
        if (store.nameTaken(group.tenantId(), name, group.id())) throw nameTaken.get().exception();
        List<User> admins = null;
        if (command.adminUserIdList() != null) {
            if (command.adminUserIdList().isEmpty()) {
                throw PopErrors.invalidParameter("UpdateCommand.AdminUserIdList", "a user group needs at least one administrator").exception();
            }
            admins = users.members(caller, command.adminUserIdList(), "UpdateCommand.AdminUserIdList");
        }
        List<User> newAdmins = admins;
        UniqueWrites.runOrRefuse(() -> store.update(group.id(), name, description, clock.millis()), nameTaken);
        Group renamed = store.find(group.tenantId(), group.id()).orElseThrow();
        if (newAdmins != null) replaceAdmins(caller, renamed, newAdmins);
        return new Response(true);
    }

    private void replaceAdmins(Caller caller, Group group, List<User> admins) {
        Set<Long> wanted = admins.stream().map(User::id).collect(Collectors.toSet());
        List<Member> current = store.members(group.id());
        Map<Long, User> names = users.byId(caller, current.stream().map(Member::userId).toList());
        for (Member member : current) {
            if (member.admin() && !wanted.contains(member.userId())) {
                User user = names.get(member.userId());
                membership.demote(group, member, user == null ? null : user.displayName(), caller.user().id());
            }
        }
        for (User admin : admins) membership.add(group, admin, true, caller.user().id());
    }
}
