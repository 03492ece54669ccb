package dev.sluice.platform.project;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.protocol.PopErrors;

/**
 * Replaces the roles of existing members. The contract names no rule, but changing roles grants and revokes
 * permissions just as adding does, so the same administrators are required. The owner keeps the administrator role.
 */
@Action("UpdateProjectMember")
final class UpdateProjectMember implements OperationHandler<UpdateProjectMember.Request, Void> {

    record Request(long id, Command updateCommand) {
    }

    record Command(Env env, List<MemberInput.Wire> userList) {
    }

    private final Administrators admins;
    private final ProjectMembers members;
    private final TenantUsers users;

    UpdateProjectMember(Administrators admins, ProjectMembers members, TenantUsers users) {
        this.admins = admins;
        this.members = members;
        this.users = users;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        Env env = Env.required(request.updateCommand().env(), "UpdateCommand.Env");
        Project project = admins.requireProjectAdmin(caller, request.id(), env);
        List<MemberInput.Checked> checked = MemberInput.check(caller, users, request.updateCommand().userList(), "UpdateCommand.UserList");
        for (MemberInput.Checked u : checked) {
            members.requireMember(project, env, u.user().id());
            if (u.user().id() == project.ownerUserId() && !u.roles().contains(ProjectRole.PROJECT_ADMIN)) {
                throw PopErrors.invalidParameter("UpdateCommand.UserList", "the owner of project '" + project.name()
                        + "' keeps the administrator role (1); transfer the ownership first").exception();
            }
        }
        for (MemberInput.Checked u : checked) {
            members.update(project, env, u.user().id(), u.user().displayName(), u.roles(), caller.user().id(), caller.action());
        }
        return null;
    }
}
