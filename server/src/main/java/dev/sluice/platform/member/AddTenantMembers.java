package dev.sluice.platform.member;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;


import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.protocol.PopErrors;

/** Makes users of the account members of the tenant, each with its roles; all of them or none. */
@Action("AddTenantMembers")
final class AddTenantMembers implements OperationHandler<AddTenantMembers.Request, AddTenantMembers.Response> {

    static final int MAX_USERS = 100;

    record Request(AddCommand addCommand) {
    }

    record AddCommand(List<NewMember> userList) {
    }

    record NewMember(String id, List<String> roleList) {
    }

    record Response(boolean data) {
    }

    private record Addition(User user, Set<String> roles, String path) {
    }

    private final Accounts accounts;
    private final MemberRoles roles;

    AddTenantMembers(Accounts accounts, MemberRoles roles) {
        this.accounts = accounts;
        this.roles = roles;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        List<NewMember> given = request.addCommand().userList();
        if (given.isEmpty()) throw PopErrors.invalidParameter("AddCommand.UserList", "name at least one user").exception();
        if (given.size() > MAX_USERS) {
            throw PopErrors.invalidParameter("AddCommand.UserList", "at most " + MAX_USERS + " users per call, got " + given.size()).exception();
        }
        List<Addition> additions = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            String path = "AddCommand.UserList[" + i + "]";
            NewMember member = given.get(i);
            if (member.id() == null) throw PopErrors.missingParameter(path + ".Id").exception();
            Long id = TenantUsers.parseId(member.id());
            User user = id == null ? null : accounts.user(caller.account().id(), id).orElse(null);
            if (user == null) {
                throw PopErrors.invalidParameter(path + ".Id", "'" + member.id() + "' is not a user of this account").exception();
            }
            if (accounts.isMember(caller.tenant().id(), user.id())) {
                throw PopErrors.invalidParameter(path + ".Id", "user '" + member.id() + "' is a member already; "
                        + "UpdateTenantMember changes its roles").exception();
            }
            if (!seen.add(user.id())) throw PopErrors.invalidParameter(path + ".Id", "user '" + member.id() + "' is named twice").exception();
            additions.add(new Addition(user, roles.parse(member.roleList(), path + ".RoleList"), path));
        }
        additions.forEach(a -> roles.set(caller, a.user(), a.roles(), a.path()));
        return new Response(true);
    }
}
