package dev.sluice.platform.compute;

import java.util.List;
import java.util.Locale;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.platform.source.SourceTypes;

/** The tenant's compute sources by id, filtered by keyword (name, ignoring case), type and whether a project is bound. */
@Action("ListComputeSources")
final class ListComputeSources implements OperationHandler<ListComputeSources.Request, ListComputeSources.Response> {

    record Request(Query listQuery) {
    }

    record Query(Boolean bindProject, String keyword, Integer pageNo, Integer pageSize, String type) implements Paging.PageNoQuery {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<ComputeSourceViews.View> computeSourceList, long totalCount) {
    }

    private final ComputeSourceStore store;
    private final ComputeSourceViews views;

    ListComputeSources(ComputeSourceStore store, ComputeSourceViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Query q = request.listQuery();
        Paging paging = q.paging("ListQuery");
        String type = q.type() == null || q.type().isBlank() ? null : SourceTypes.parse(q.type(), "ListQuery.Type").name();
        String keyword = q.keyword() == null ? "" : q.keyword().trim().toLowerCase(Locale.ROOT);
        List<ComputeSourceViews.View> matching = views.of(caller, store.all(caller.tenant().id()).stream()
                        .filter(s -> type == null || s.type().equals(type))
                        .filter(s -> s.name().toLowerCase(Locale.ROOT).contains(keyword))
                        .toList(), false).stream()
                .filter(v -> q.bindProject() == null || v.bindProject() == q.bindProject())
                .toList();
        List<ComputeSourceViews.View> page = matching.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new Response(new PageResult(page, matching.size()));
    }
}
