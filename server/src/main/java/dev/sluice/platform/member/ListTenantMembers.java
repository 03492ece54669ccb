package dev.sluice.platform.member;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.sluice.account.Accounts;
import dev.sluice.account.TenantMember;
import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.UserGroups;
import dev.sluice.platform.usergroup.UserGroups.GroupSummary;
import dev.sluice.protocol.PopErrors;

/**
 * The tenant's members with their roles and groups, filtered by role, group and a search text over names. Members are
 * filtered in memory: a tenant has at most a few thousand, and the filters span two modules' tables.
 */
@Action("ListTenantMembers")
final class ListTenantMembers implements OperationHandler<ListTenantMembers.Request, ListTenantMembers.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(Integer page, Integer pageSize, List<String> roleList, String searchText, List<String> userGroupIdList)
            implements Paging.PageQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(long totalCount, List<MemberView> userList) {
    }

    record MemberView(String accountName, String dingNumber, String displayName, String displayNameWithoutStatus,
                      String enableWhiteIp, long gmtCreate, long gmtModified, String id, String mail, String mobilePhone,
                      String name, String nickName, String realName, List<String> roleList, String sourceId,
                      String sourceType, List<GroupRef> userGroupList, String whiteIp) {
    }

    record GroupRef(boolean active, String description, String id, String name) {
    }

    private final Accounts accounts;
    private final UserGroups groups;

    ListTenantMembers(Accounts accounts, UserGroups groups) {
        this.accounts = accounts;
        this.groups = groups;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery query = request.listQuery();
        Paging paging = query.paging("ListQuery");
        Set<String> roleFilter = roleFilter(query.roleList());
        Set<Long> groupFilter = groupFilter(query.userGroupIdList());
        String search = query.searchText() == null || query.searchText().isBlank() ? null
                : query.searchText().trim().toLowerCase(Locale.ROOT);
        long tenantId = caller.tenant().id();
        List<TenantMember> members = accounts.members(tenantId, caller.account().id());
        Map<Long, List<GroupSummary>> memberships = groups.groupsOf(tenantId, members.stream().map(m -> m.user().id()).toList());
        List<TenantMember> matching = members.stream()
                .filter(m -> roleFilter.isEmpty() || m.roleCodes().stream().anyMatch(roleFilter::contains))
                .filter(m -> groupFilter.isEmpty() || memberships.getOrDefault(m.user().id(), List.of()).stream()
                        .anyMatch(g -> groupFilter.contains(g.id())))
                .filter(m -> search == null || matches(m.user(), search))
                .toList();
        List<MemberView> page = paging.slice(matching).stream()
                .map(m -> view(m, memberships.getOrDefault(m.user().id(), List.of()))).toList();
        return new Response(new PageResult(matching.size(), page));
    }

    private static Set<String> roleFilter(List<String> wireCodes) {
        Set<String> codes = new HashSet<>();
        if (wireCodes == null) return codes;
        for (int i = 0; i < wireCodes.size(); i++) {
            String code = wireCodes.get(i);
            if (code == null || !code.matches("[A-Za-z_]{1,64}")) {
                throw PopErrors.invalidParameter("ListQuery.RoleList[" + i + "]", "'" + code + "' is not a role code").exception();
            }
            codes.add(TenantRoles.storedCode(code));
        }
        return codes;
    }

    private static Set<Long> groupFilter(List<String> ids) {
        Set<Long> parsed = new HashSet<>();
        if (ids == null) return parsed;
        for (int i = 0; i < ids.size(); i++) {
            Long id = TenantUsers.parseId(ids.get(i));
            if (id == null) {
                throw PopErrors.invalidParameter("ListQuery.UserGroupIdList[" + i + "]", "'" + ids.get(i) + "' is not a user group id").exception();
            }
            parsed.add(id);
        }
        return parsed;
    }

    static boolean matches(User user, String search) {
        return user.name().toLowerCase(Locale.ROOT).contains(search) || user.displayName().toLowerCase(Locale.ROOT).contains(search)
                || (user.mail() != null && user.mail().toLowerCase(Locale.ROOT).contains(search));
    }

    private static MemberView view(TenantMember member, List<GroupSummary> groups) {
        User user = member.user();
        String shown = user.enabled() ? user.displayName() : user.displayName() + " (disabled)";
        return new MemberView(user.name(), user.dingNumber(), shown, user.displayName(), "false", user.createdAt(),
                user.modifiedAt(), String.valueOf(user.id()), user.mail(), user.mobilePhone(), user.name(), user.displayName(),
                user.displayName(), member.roleCodes().stream().map(TenantRoles::wireCode).toList(), user.sourceId(),
                user.sourceType(), groups.stream().map(g -> new GroupRef(g.active(), g.description(), String.valueOf(g.id()), g.name())).toList(),
                null);
    }
}
