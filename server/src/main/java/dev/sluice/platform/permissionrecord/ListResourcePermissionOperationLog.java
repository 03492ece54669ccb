package dev.sluice.platform.permissionrecord;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.sluice.account.Accounts;
import dev.sluice.account.User;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.platform.permissionrecord.PermissionRecordStore.LogRow;
import dev.sluice.platform.permissionrecord.RecordViews.AccountRef;
import dev.sluice.platform.permissionrecord.RecordViews.Period;
import dev.sluice.platform.permissionrecord.RecordViews.ResourceInfo;
import dev.sluice.platform.usergroup.UserGroups;

/** Every grant and revocation, newest first, with who made it and why. */
@Action("ListResourcePermissionOperationLog")
final class ListResourcePermissionOperationLog
        implements OperationHandler<ListResourcePermissionOperationLog.Request, ListResourcePermissionOperationLog.Response> {

    record Request(ListResourcePermissions.ListQuery listQuery) {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<Entry> data, long totalCount) {
    }

    record Entry(AccountRef account, String authScope, long operateId, long operateTime, String operateType, Period period,
                 String reason, ResourceInfo resourceInfo, AccountRef targetAccount) {
    }

    private final PermissionRecordStore store;
    private final Access access;
    private final UserGroups groups;
    private final Accounts accounts;

    ListResourcePermissionOperationLog(PermissionRecordStore store, Access access, UserGroups groups, Accounts accounts) {
        this.store = store;
        this.access = access;
        this.groups = groups;
        this.accounts = accounts;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListResourcePermissions.ListQuery query = request.listQuery();
        Paging paging = query.paging("ListQuery");
        PermissionRecordStore.Scope scope = RecordQuery.scope(caller, query.tabType(), query.searchText(), access, groups);
        List<LogRow> rows = store.log(scope, paging.offset(), paging.size());
        Map<Long, User> operators = accounts.users(caller.account().id(), rows.stream().map(LogRow::operatorUserId).distinct().toList())
                .stream().collect(Collectors.toMap(User::id, Function.identity()));
        List<Entry> entries = rows.stream().map(row -> entry(scope, row, operators.get(row.operatorUserId()))).toList();
        return new Response(new PageResult(entries, store.countLog(scope)));
    }

    private static Entry entry(PermissionRecordStore.Scope scope, LogRow row, User operator) {
        AccountRef by = new AccountRef(String.valueOf(row.operatorUserId()), operator == null ? null : operator.displayName(), "PERSONAL");
        return new Entry(by, RecordViews.authScope(row.resourceType()), row.id(), row.at(),
                row.change(), Period.of(row.expiresAt()), row.reason(),
                ResourceInfo.of(scope, row.resourceType(), row.resourceId(), row.resourceName(), row.projectId(), row.projectName(), row.env()),
                AccountRef.target(row.targetType(), row.targetId(), row.targetName()));
    }
}
