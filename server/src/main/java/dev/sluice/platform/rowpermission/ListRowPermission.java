package dev.sluice.platform.rowpermission;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.platform.rowpermission.RowPermissionReader.PermissionView;

/** The tenant's row-level permissions in full, optionally those whose name or description contains a keyword. */
@Action("ListRowPermission")
final class ListRowPermission implements OperationHandler<ListRowPermission.Request, ListRowPermission.Response> {

    record Request(Query pageRowPermissionQuery) {
    }

    record Query(String keyword, Integer pageNum, Integer pageSize) implements Paging.PageNumQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<PermissionView> data, long totalCount) {
    }

    private final RowPermissionAccess access;
    private final RowPermissionStore store;
    private final RowPermissionReader reader;

    ListRowPermission(RowPermissionAccess access, RowPermissionStore store, RowPermissionReader reader) {
        this.access = access;
        this.store = store;
        this.reader = reader;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        access.requireManager(caller);
        Query query = request.pageRowPermissionQuery();
        Paging paging = query.paging("PageRowPermissionQuery");
        String keyword = query.keyword() == null || query.keyword().isBlank() ? null : query.keyword().trim();
        long tenantId = caller.tenant().id();
        var page = store.page(tenantId, keyword, paging.offset(), paging.size());
        return new Response(new PageResult(reader.views(caller, page, rule -> true), store.count(tenantId, keyword)));
    }
}
