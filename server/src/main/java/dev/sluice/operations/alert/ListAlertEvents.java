package dev.sluice.operations.alert;

import java.util.List;
import java.util.Map;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.protocol.PopErrors;

/**
 * A page of the tenant's alert events raised in a time range, newest first. Honoured filters: source system, object
 * types, reasons, project names, statuses, a keyword (object name or unique key) and monitored items (rule ids).
 * Business units and contacts ({@code BizNameList}, {@code UserIdList}) are accepted and narrow nothing: Sluice has no
 * business units, and an event's receivers are kept as the contract shows them, not per user.
 */
@Action("ListAlertEvents")
final class ListAlertEvents implements OperationHandler<ListAlertEvents.Request, ListAlertEvents.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(String alertEndTime, List<String> alertObjectTypeList, List<String> alertReasonList, String alertStartTime,
                     List<String> bizNameList, String keyword, List<String> monitoredItemIdList, Integer page, Integer pageSize,
                     List<String> projectNameList, String sourceSystem, List<String> statusList, List<String> userIdList) {
    }

    record Response(ListResult listResult) {
    }

    record ListResult(List<AlertViews.EventView<String>> data, long totalCount) {
    }

    private final AlertEventStore store;
    private final AlertViews views;

    ListAlertEvents(AlertEventStore store, AlertViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ListQuery q = request.listQuery();
        if (q == null) throw PopErrors.missingParameter("ListQuery").exception();
        if (q.page() == null) throw PopErrors.missingParameter("ListQuery.Page").exception();
        if (q.pageSize() == null) throw PopErrors.missingParameter("ListQuery.PageSize").exception();
        Paging paging = Paging.of(q.page(), q.pageSize(), "ListQuery.Page", "ListQuery.PageSize");
        long from = views.millis(q.alertStartTime(), "ListQuery.AlertStartTime");
        long to = views.millis(q.alertEndTime(), "ListQuery.AlertEndTime");
        if (to < from) throw PopErrors.invalidParameter("ListQuery.AlertEndTime", "the end is before ListQuery.AlertStartTime").exception();
        String source = AlertViews.sourceSystem(q.sourceSystem(), "ListQuery.SourceSystem");
        List<Long> projectIds = null;
        if (q.projectNameList() != null && q.projectNameList().stream().anyMatch(n -> n != null && !n.isBlank())) {
            Map<Long, String> names = views.projectNames(caller);
            projectIds = names.entrySet().stream().filter(e -> q.projectNameList().contains(e.getValue())).map(Map.Entry::getKey).toList();
            if (projectIds.isEmpty()) return new Response(new ListResult(List.of(), 0));
        }
        // The end time is inclusive to the second, as a person writes a range.
        var filter = new AlertEventStore.EventFilter(caller.tenant().id(), from, to + 1000, source, AlertViews.upper(q.alertObjectTypeList()),
                AlertViews.upper(q.alertReasonList()), projectIds, AlertViews.keyword(q.keyword()), AlertViews.upper(q.statusList()),
                AlertViews.ids(q.monitoredItemIdList(), "ListQuery.MonitoredItemIdList"), views.visibleProjects(caller));
        AlertEventStore.Page<AlertEvent> page = store.events(filter, paging.offset(), paging.size());
        return new Response(new ListResult(views.events(caller, page.rows(), String::valueOf), page.total()));
    }
}
