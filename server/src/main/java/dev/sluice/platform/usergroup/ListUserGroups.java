package dev.sluice.platform.usergroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.GroupViews.GroupView;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.platform.usergroup.UserGroupStore.GroupFilter;
import dev.sluice.platform.usergroup.UserGroupStore.Member;
import dev.sluice.protocol.PopErrors;

/** The tenant's groups, filtered by name, state, administrators or the caller's own membership, one page at a time. */
@Action("ListUserGroups")
final class ListUserGroups implements OperationHandler<ListUserGroups.Request, ListUserGroups.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(Boolean active, List<String> adminIdList, Boolean filterMine, String keyword, Integer pageNo,
                     Integer pageSize) implements Paging.PageNoQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(long totalCount, List<GroupView> userGroupList) {
    }

    private final UserGroupStore store;
    private final TenantUsers users;

    ListUserGroups(UserGroupStore store, TenantUsers users) {
        this.store = store;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery query = request.listQuery();
        Paging paging = query.paging("ListQuery");
        List<Long> adminIds = new ArrayList<>();
        List<String> given = query.adminIdList() == null ? List.of() : query.adminIdList();
        for (int i = 0; i < given.size(); i++) {
            Long id = TenantUsers.parseId(given.get(i));
            if (id == null) throw PopErrors.invalidParameter("ListQuery.AdminIdList[" + i + "]", "'" + given.get(i) + "' is not a user id").exception();
            adminIds.add(id);
        }
        String keyword = query.keyword() == null || query.keyword().isBlank() ? null : query.keyword().trim();
        Long mine = Boolean.TRUE.equals(query.filterMine()) ? caller.user().id() : null;
        List<Group> all = store.list(caller.tenant().id(), new GroupFilter(keyword, query.active(), adminIds, mine));
        List<GroupView> page = new ArrayList<>();
        for (Group group : paging.slice(all)) {
            List<Member> members = store.members(group.id());
            Map<Long, User> names = users.byId(caller, members.stream().filter(Member::admin).map(Member::userId).toList());
            page.add(GroupView.of(group, members, names, caller.user().id()));
        }
        return new Response(new PageResult(all.size(), page));
    }
}
