package dev.sluice.platform.rowpermission;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.platform.rowpermission.RowPermissionStore.Header;
import dev.sluice.platform.usergroup.UserGroups;

/**
 * The row-level permissions that apply to one user, directly or through its user groups, each with only the rules that
 * bind that user. Members may ask about themselves; administrators about anyone.
 */
@Action("ListRowPermissionByUserId")
final class ListRowPermissionByUserId
        implements OperationHandler<ListRowPermissionByUserId.Request, ListRowPermissionByUserId.Response> {

    record Request(Query listRowPermissionByUserIdQuery) {
    }

    record Query(String operator, Integer pageNum, Integer pageSize) implements Paging.PageNumQuery {
    }

    record Response(PageResult pageResult) {
    }

    /** The reference's per-user view leaves out the name, description and mapping columns. */
    record UserPermission(String creator, String gmtCreate, String gmtModified, String modifier,
                          List<RowPermissionReader.RuleView> rules, List<RowPermissionCommand.TableMapping> tables, long tenantId) {
    }

    record PageResult(List<UserPermission> data, long totalCount) {
    }

    private final RowPermissionAccess access;
    private final RowPermissionStore store;
    private final RowPermissionReader reader;
    private final UserGroups groups;

    ListRowPermissionByUserId(RowPermissionAccess access, RowPermissionStore store, RowPermissionReader reader, UserGroups groups) {
        this.access = access;
        this.store = store;
        this.reader = reader;
        this.groups = groups;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Query query = request.listRowPermissionByUserIdQuery();
        long userId = access.subject(caller, query.operator(), "ListRowPermissionByUserIdQuery.Operator");
        Paging paging = query.paging("ListRowPermissionByUserIdQuery");
        long tenantId = caller.tenant().id();
        List<String> groupIds = groups.groupIdsOf(tenantId, userId).stream().map(String::valueOf).toList();
        Set<Long> ruleIds = new HashSet<>(store.ruleIdsBoundTo(tenantId, String.valueOf(userId), groupIds));
        List<Long> permissionIds = store.permissionIdsOfRules(ruleIds);
        List<Header> page = paging.slice(store.headers(tenantId, permissionIds));
        List<UserPermission> data = reader.views(caller, page, rule -> ruleIds.contains(rule.id())).stream()
                .map(v -> new UserPermission(v.creator(), v.gmtCreate(), v.gmtModified(), v.modifier(), v.rules(), v.tables(), v.tenantId()))
                .toList();
        return new Response(new PageResult(data, permissionIds.size()));
    }
}
