package dev.sluice.platform.project;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.protocol.PopErrors;

/** Adds users to a project environment with roles; only for its administrators (and tenant administrators). */
@Action("AddProjectMember")
final class AddProjectMember implements OperationHandler<AddProjectMember.Request, Void> {

    record Request(long id, Command addCommand) {
    }

    record Command(Env env, List<MemberInput.Wire> userList) {
    }

    private final Administrators admins;
    private final ProjectMembers members;
    private final TenantUsers users;

    AddProjectMember(Administrators admins, ProjectMembers members, TenantUsers users) {
        this.admins = admins;
        this.members = members;
        this.users = users;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        Env env = Env.required(request.addCommand().env(), "AddCommand.Env");
        Project project = admins.requireProjectAdmin(caller, request.id(), env);
        List<MemberInput.Checked> checked = MemberInput.check(caller, users, request.addCommand().userList(), "AddCommand.UserList");
        for (MemberInput.Checked u : checked) {
            if (members.isMember(project, env, u.user().id())) {
                throw PopErrors.alreadyExists("member of project '" + project.name() + "' in " + env, u.user().id())
                        .withRecommend("Change the roles of an existing member with UpdateProjectMember.").exception();
            }
        }
        for (MemberInput.Checked u : checked) {
            members.add(project, env, u.user().id(), u.user().displayName(), u.roles(), caller.user().id(), caller.action());
        }
        return null;
    }
}
