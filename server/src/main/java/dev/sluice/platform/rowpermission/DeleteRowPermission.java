package dev.sluice.platform.rowpermission;

import java.util.Map;


import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.rowpermission.RowPermissionStore.Header;

/** Deletes a row-level permission with its rules; every account bound to a rule loses it. */
@Action("DeleteRowPermission")
final class DeleteRowPermission implements OperationHandler<DeleteRowPermission.Request, DeleteRowPermission.Response> {

    record Request(Command deleteRowPermissionCommand) {
    }

    record Command(Long rowPermissionId) {
    }

    record Response(boolean data) {
    }

    private final RowPermissionAccess access;
    private final RowPermissionStore store;
    private final RowPermissionReader reader;
    private final RowGrants grants;

    DeleteRowPermission(RowPermissionAccess access, RowPermissionStore store, RowPermissionReader reader, RowGrants grants) {
        this.access = access;
        this.store = store;
        this.reader = reader;
        this.grants = grants;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        access.requireManager(caller);
        Header existing = access.load(caller, request.deleteRowPermissionCommand().rowPermissionId());
        grants.publish(existing.tenantId(), existing.id(), existing.name(), reader.grants(caller, existing.id()), Map.of(),
                caller.user().id());
        store.delete(existing.id());
        return new Response(true);
    }
}
