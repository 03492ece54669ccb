package dev.sluice.platform;

import dev.sluice.account.Accounts;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** The user of the caller's account whose source-system id (e.g. the cloud account UID) is given. */
@Action("GetUserBySourceId")
final class GetUserBySourceId implements OperationHandler<GetUserBySourceId.Request, GetUserBySourceId.Response> {

    record Request(String sourceId) {
    }

    record Response(UserRef user) {
    }

    record UserRef(String id, String displayName) {
    }

    private final Accounts accounts;

    GetUserBySourceId(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return accounts.userBySourceId(caller.account().id(), request.sourceId())
                .map(user -> new Response(new UserRef(String.valueOf(user.id()), user.displayName())))
                .orElseThrow(() -> PopErrors.notFound("user with source id", request.sourceId()).exception());
    }
}
