package dev.sluice.platform.project;

import java.util.ArrayList;
import java.util.List;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.protocol.PopErrors;

/** Removes members from a project environment; only for its administrators. The owner cannot be removed. */
@Action("RemoveProjectMember")
final class RemoveProjectMember implements OperationHandler<RemoveProjectMember.Request, Void> {

    record Request(long id, Command removeCommand) {
    }

    record Command(Env env, List<String> userIdList) {
    }

    private final Administrators admins;
    private final ProjectMembers members;
    private final TenantUsers users;

    RemoveProjectMember(Administrators admins, ProjectMembers members, TenantUsers users) {
        this.admins = admins;
        this.members = members;
        this.users = users;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        Command command = request.removeCommand();
        Env env = Env.required(command.env(), "RemoveCommand.Env");
        if (command.userIdList() == null || command.userIdList().isEmpty()) throw PopErrors.missingParameter("RemoveCommand.UserIdList").exception();
        Project project = admins.requireProjectAdmin(caller, request.id(), env);
        List<User> removed = new ArrayList<>();
        for (int i = 0; i < command.userIdList().size(); i++) {
            User user = users.member(caller, command.userIdList().get(i), "RemoveCommand.UserIdList[" + i + "]");
            members.requireMember(project, env, user.id());
            if (user.id() == project.ownerUserId()) {
                throw PopErrors.invalidParameter("RemoveCommand.UserIdList[" + i + "]", "the owner of project '" + project.name()
                        + "' cannot be removed; transfer the ownership first").exception();
            }
            removed.add(user);
        }
        for (User user : removed) members.remove(project, env, user.id(), user.displayName(), caller.user().id(), caller.action());
        return null;
    }
}
