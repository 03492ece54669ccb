package dev.sluice.platform.usergroup;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.GroupViews.UserRef;
import dev.sluice.platform.usergroup.UserGroupStore.Member;
import dev.sluice.protocol.PopErrors;

/** Members of one group (or of all the tenant's groups when none is named), with who added them and when. */
@Action("ListUserGroupMembers")
final class ListUserGroupMembers implements OperationHandler<ListUserGroupMembers.Request, ListUserGroupMembers.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(String keyword, Integer pageNo, Integer pageSize, String userGroupId, List<String> userIdList)
            implements Paging.PageNoQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<MemberView> memberList, long totalCount) {
    }

    record MemberView(UserRef creator, long gmtCreate, String id, String userGroupId, UserRef userInfo, String userRole) {
    }

    private final UserGroupStore store;
    private final GroupAccess access;
    private final TenantUsers users;

    ListUserGroupMembers(UserGroupStore store, GroupAccess access, TenantUsers users) {
        this.store = store;
        this.access = access;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery query = request.listQuery();
        Paging paging = query.paging("ListQuery");
        List<Member> members = query.userGroupId() == null
                ? store.memberships(caller.tenant().id())
                : store.members(access.load(caller, query.userGroupId(), "ListQuery.UserGroupId").id());
        Set<Long> only = userFilter(query.userIdList());
        Set<Long> ids = new HashSet<>();
        members.forEach(m -> {
            ids.add(m.userId());
            ids.add(m.addedBy());
        });
        Map<Long, User> names = users.byId(caller, ids);
        String keyword = query.keyword() == null || query.keyword().isBlank() ? null : query.keyword().trim().toLowerCase(Locale.ROOT);
        List<Member> matching = members.stream()
                .filter(m -> only == null || only.contains(m.userId()))
                .filter(m -> keyword == null || matches(names.get(m.userId()), keyword))
                .toList();
        List<MemberView> page = new ArrayList<>();
        for (Member m : paging.slice(matching)) {
            page.add(new MemberView(UserRef.of(m.addedBy(), names), m.addedAt(), String.valueOf(m.id()),
                    String.valueOf(m.groupId()), UserRef.of(m.userId(), names),
                    m.admin() ? GroupMembership.ADMIN : GroupMembership.MEMBER));
        }
        return new Response(new PageResult(page, matching.size()));
    }

    private static Set<Long> userFilter(List<String> given) {
        if (given == null || given.isEmpty()) return null;
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Long id = TenantUsers.parseId(given.get(i));
            if (id == null) throw PopErrors.invalidParameter("ListQuery.UserIdList[" + i + "]", "'" + given.get(i) + "' is not a user id").exception();
            ids.add(id);
        }
        return ids;
    }

    private static boolean matches(User user, String keyword) {
        return user != null && (user.name().toLowerCase(Locale.ROOT).contains(keyword)
                || user.displayName().toLowerCase(Locale.ROOT).contains(keyword));
    }
}
