package dev.sluice.platform.project;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.Paging;
import dev.sluice.dispatch.TenantUsers;

/**
 * The tenant's projects, a page at a time, by id. {@code Keyword} matches name or display name ignoring case;
 * {@code TagList} matches the namespace tag; {@code Env} chooses which environment's compute sources are shown.
 */
@Action("ListProjects")
final class ListProjects implements OperationHandler<ListProjects.Request, ListProjects.Response> {

    record Request(Query listQuery) {
    }

    record Query(Env env, String keyword, ProjectMode mode, Integer pageNo, Integer pageSize, List<String> tagList)
            implements Paging.PageNoQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<Item> projectList, long totalCount) {
    }

    record Item(Long bizUnitId, Long dataSourceId, String dataSourceName, String description, String displayName, String env,
                String gmtCreate, String gmtModified, long id, String mode, String name, String owner, String ownerName,
                Long realtimeDataSourceId, String realtimeDataSourceName, String type) {
    }

    private final ProjectStore store;
    private final ProjectInfos infos;
    private final TenantUsers users;
    private final DisplayTime time;

    ListProjects(ProjectStore store, ProjectInfos infos, TenantUsers users, DisplayTime time) {
        this.store = store;
        this.infos = infos;
        this.users = users;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Query q = request.listQuery();
        Env env = q.env() == null ? Env.PROD : q.env();
        Paging paging = q.paging("ListQuery");
        List<String> tags = q.tagList() == null ? List.of() : q.tagList().stream().map(t -> t.trim().toUpperCase(Locale.ROOT)).toList();
        var filter = new ProjectStore.Filter(q.keyword(), q.mode(), tags);
        long tenant = caller.tenant().id();
        List<Project> page = store.page(tenant, filter, paging);
        Map<Long, User> owners = users.byId(caller, page.stream().map(Project::ownerUserId).distinct().toList());
        List<Item> items = page.stream().map(p -> new Item(p.bizUnitId(), p.computeSourceFor(env), infos.computeSourceName(tenant, p.computeSourceFor(env)),
                p.description(), p.displayName(), env.name(), time.format(p.createdAt()), time.format(p.modifiedAt()), p.id(), p.mode().name(),
                p.name(), String.valueOf(p.ownerUserId()), owners.containsKey(p.ownerUserId()) ? owners.get(p.ownerUserId()).displayName() : null, p.streamComputeSourceId(),
                infos.computeSourceName(tenant, p.streamComputeSourceId()), p.type())).toList();
        return new Response(new PageResult(items, store.count(tenant, filter)));
    }
}
