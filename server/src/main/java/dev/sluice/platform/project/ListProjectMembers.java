package dev.sluice.platform.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.dispatch.TenantUsers;

/** The members of one project environment with their roles, a page at a time, oldest member first. */
@Action("ListProjectMembers")
final class ListProjectMembers implements OperationHandler<ListProjectMembers.Request, ListProjectMembers.Response> {

    record Request(long id, Query listQuery) {
    }

    record Query(Env env, Integer pageNo, Integer pageSize) implements Paging.PageNoQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<Item> projectMemberList, long totalCount) {
    }

    record Item(long id, String userId, String userName, List<Integer> roleIdList, String gmtCreate, String gmtModified,
                String lastModifier, String lastModifierName) {
    }

    private final Projects projects;
    private final MemberStore store;
    private final TenantUsers users;

    ListProjectMembers(Projects projects, MemberStore store, TenantUsers users) {
        this.projects = projects;
        this.store = store;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.required(request.listQuery().env(), "ListQuery.Env");
        Paging paging = request.listQuery().paging("ListQuery");
        Project project = projects.require(caller.tenant().id(), request.id());
        Env kept = project.memberEnv(env);
        List<MemberStore.Member> page = store.page(project.id(), kept, paging);
        List<Long> ids = new ArrayList<>();
        page.forEach(m -> {
            ids.add(m.userId());
            ids.add(m.modifiedBy());
        });
        Map<Long, User> users = this.users.byId(caller, ids.stream().distinct().toList());
        List<Item> items = page.stream().map(m -> new Item(project.id(), String.valueOf(m.userId()), name(users, m.userId()),
                m.roles().stream().map(ProjectRole::id).toList(), String.valueOf(m.createdAt()), String.valueOf(m.modifiedAt()),
                String.valueOf(m.modifiedBy()), name(users, m.modifiedBy()))).toList();
        return new Response(new PageResult(items, store.count(project.id(), kept)));
    }

    private static String name(Map<Long, User> users, long id) {
        User user = users.get(id);
        return user == null ? null : user.displayName();
    }
}
