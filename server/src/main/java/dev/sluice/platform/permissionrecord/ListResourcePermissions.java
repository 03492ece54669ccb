package dev.sluice.platform.permissionrecord;

import java.util.List;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.platform.permissionrecord.PermissionRecordStore.GrantRow;
import dev.sluice.platform.permissionrecord.RecordViews.AccountRef;
import dev.sluice.platform.permissionrecord.RecordViews.Period;
import dev.sluice.platform.permissionrecord.RecordViews.ResourceInfo;
import dev.sluice.platform.usergroup.UserGroups;

/** The permissions in force, one record per resource and account, with the validity of each permission type. */
@Action("ListResourcePermissions")
final class ListResourcePermissions
        implements OperationHandler<ListResourcePermissions.Request, ListResourcePermissions.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(Integer page, Integer pageSize, String searchText, RecordQuery.Tab tabType) implements Paging.PageQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<Record> data, long totalCount) {
    }

    record Record(String recordId, String authScope, Period period, List<PermissionPeriod> permissionPeriodList,
                  ResourceInfo resourceInfo, AccountRef targetAccount) {
    }

    record PermissionPeriod(Period period, String permissionType) {
    }

    private final PermissionRecordStore store;
    private final Access access;
    private final UserGroups groups;

    ListResourcePermissions(PermissionRecordStore store, Access access, UserGroups groups) {
        this.store = store;
        this.access = access;
        this.groups = groups;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery query = request.listQuery();
        Paging paging = query.paging("ListQuery");
        PermissionRecordStore.Scope scope = RecordQuery.scope(caller, query.tabType(), query.searchText(), access, groups);
        List<Record> page = store.grantGroups(scope, paging.offset(), paging.size()).stream().map(rows -> record(scope, rows)).toList();
        return new Response(new PageResult(page, store.countGrantGroups(scope)));
    }

    private static Record record(PermissionRecordStore.Scope scope, List<GrantRow> rows) {
        GrantRow first = rows.getFirst();
        List<PermissionPeriod> periods = rows.stream()
                .map(row -> new PermissionPeriod(Period.of(row.expiresAt()), row.permissionType())).toList();
        // The record's own period is the one that ends last: the account holds something until then.
        Long latest = rows.stream().anyMatch(row -> row.expiresAt() == null) ? null
                : rows.stream().map(GrantRow::expiresAt).max(Long::compare).orElse(null);
        return new Record(String.valueOf(first.id()), RecordViews.authScope(first.resourceType()), Period.of(latest), periods,
                ResourceInfo.of(scope, first.resourceType(), first.resourceId(), first.resourceName(), first.projectId(),
                        first.projectName(), first.env()),
                AccountRef.target(first.targetType(), first.targetId(), first.targetName()));
    }
}
