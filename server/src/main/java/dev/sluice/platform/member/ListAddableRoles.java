package dev.sluice.platform.member;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantRoles;

/** The built-in global roles that can be given to tenant members. */
@Action("ListAddableRoles")
final class ListAddableRoles implements OperationHandler<ListAddableRoles.Request, ListAddableRoles.Response> {

    record Request() {
    }

    record Response(List<RoleView> roleList) {
    }

    record RoleView(String code, String name) {
    }

    private final MemberRoles roles;

    ListAddableRoles(MemberRoles roles) {
        this.roles = roles;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return new Response(roles.addable().stream().map(r -> new RoleView(TenantRoles.wireCode(r.code()), r.name())).toList());
    }
}
