package dev.sluice.platform.rowpermission;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * Which row-level permissions map onto any of the given tables. The answer names them, and a permission's name and
 * description tell what is being filtered from whom, so only those who may manage row-level permissions may ask.
 */
@Action("GetRowPermissionByTableGuids")
final class GetRowPermissionByTableGuids
        implements OperationHandler<GetRowPermissionByTableGuids.Request, GetRowPermissionByTableGuids.Response> {

    static final int MAX_TABLES = 100;

    record Request(Query getRowPermissionByTableGuidsQuery) {
    }

    record Query(List<String> tableGuids) {
    }

    record Response(List<Summary> data) {
    }

    record Summary(String rowPermissionDesc, String rowPermissionId, String rowPermissionName) {
    }

    private final RowPermissionAccess access;
    private final RowPermissionStore store;

    GetRowPermissionByTableGuids(RowPermissionAccess access, RowPermissionStore store) {
        this.access = access;
        this.store = store;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        access.requireManager(caller);
        List<String> guids = request.getRowPermissionByTableGuidsQuery().tableGuids();
        String path = "GetRowPermissionByTableGuidsQuery.TableGuids";
        if (guids.isEmpty()) throw PopErrors.invalidParameter(path, "name at least one table GUID").exception();
        if (guids.size() > MAX_TABLES) {
            throw PopErrors.invalidParameter(path, "at most " + MAX_TABLES + " table GUIDs per call, got " + guids.size()).exception();
        }
        return new Response(store.byTables(caller.tenant().id(), guids).stream()
                .map(h -> new Summary(h.description(), String.valueOf(h.id()), h.name())).toList());
    }
}
