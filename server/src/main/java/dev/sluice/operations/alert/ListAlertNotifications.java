package dev.sluice.operations.alert;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.protocol.PopErrors;

/**
 * A page of the tenant's push records in a time range, newest first: one row per send attempt, so a message that
 * failed and was retried shows each try with its outcome. Honoured filters: source system, reasons, channel types
 * ({@code MAIL}, {@code CUSTOM} for webhooks), statuses, a keyword, receiving users and monitored items (rule ids).
 * {@code CustomChannelIdList} is accepted and narrows nothing: a rule's webhook is its only custom channel.
 */
@Action("ListAlertNotifications")
final class ListAlertNotifications implements OperationHandler<ListAlertNotifications.Request, ListAlertNotifications.Response> {

    record Request(ListQuery listQuery) {
    }

    record ListQuery(List<String> alertReasonList, List<String> channelTypeList, List<String> customChannelIdList, String keyword,
                     List<String> monitoredItemIdList, String notifyEndTime, String notifyStartTime, Integer page, Integer pageSize,
                     String sourceSystem, List<String> statusList, List<String> userIdList) {
    }

    record Response(ListResult listResult) {
    }

    record ListResult(List<AlertViews.NotificationView> data, long totalCount) {
    }

    private final AlertEventStore store;
    private final AlertViews views;

    ListAlertNotifications(AlertEventStore store, AlertViews views) {
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
        long from = views.millis(q.notifyStartTime(), "ListQuery.NotifyStartTime");
        long to = views.millis(q.notifyEndTime(), "ListQuery.NotifyEndTime");
        if (to < from) throw PopErrors.invalidParameter("ListQuery.NotifyEndTime", "the end is before ListQuery.NotifyStartTime").exception();
        var filter = new AlertEventStore.SendFilter(caller.tenant().id(), from, to + 1000, AlertViews.sourceSystem(q.sourceSystem(), "ListQuery.SourceSystem"),
                AlertViews.upper(q.alertReasonList()), AlertViews.upper(q.channelTypeList()), AlertViews.keyword(q.keyword()),
                AlertViews.upper(q.statusList()), AlertViews.ids(q.userIdList(), "ListQuery.UserIdList"),
                AlertViews.ids(q.monitoredItemIdList(), "ListQuery.MonitoredItemIdList"), views.visibleProjects(caller));
        AlertEventStore.Page<AlertEventStore.Sent> page = store.sends(filter, paging.offset(), paging.size());
        return new Response(new ListResult(views.sends(page.rows()), page.total()));
    }
}
