package dev.sluice.platform;

import java.util.List;

import dev.sluice.account.Accounts;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** The global roles the calling user holds in the tenant. */
@Action("GetMyRoles")
final class GetMyRoles implements OperationHandler<GetMyRoles.Request, GetMyRoles.Response> {

    record Request() {
    }

    record Response(List<RoleView> roleList) {
    }

    record RoleView(long id, String name, String description) {
    }

    private final Accounts accounts;

    GetMyRoles(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return new Response(accounts.roles(caller.tenant().id(), caller.user().id()).stream()
                .map(role -> new RoleView(role.id(), role.code(), role.description()))
                .toList());
    }
}
