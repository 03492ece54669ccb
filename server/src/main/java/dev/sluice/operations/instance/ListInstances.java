package dev.sluice.operations.instance;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.protocol.PopErrors;

/**
 * A page of a project's instances, newest due time first. Honoured filters: node, flow, schedule type, business and
 * run date ranges, run statuses, paused, owners and a search text (node name, or a node id exactly). Filters of kinds
 * Sluice does not have (business units, logical tables, sub-types, priorities, periods) are accepted and narrow
 * nothing.
 */
@Action("ListInstances")
final class ListInstances implements OperationHandler<ListInstances.Request, ListInstances.Response> {

    record Request(String env, ListQuery listQuery) {
    }

    record ListQuery(String bizType, Long bizUnitId, String flowId, String maxBizDate, String maxRunDate, String minBizDate,
                     String minRunDate, String nodeId, List<String> ownerList, Integer page, Integer pageSize, List<String> priorityList,
                     Long projectId, List<String> runStatusList, Boolean schedulePaused, List<String> schedulePeriodList,
                     String scheduleType, String searchText, List<String> subBizTypeList) {
    }

    record Response(PageResult pageResult) {
    }

    record PageResult(List<InstanceViews.InstanceView> data, long totalCount) {
    }

    private final InstanceAccess access;
    private final InstanceStore store;
    private final InstanceViews views;
    private final VersionedObjects objects;
    private final DisplayTime time;

    ListInstances(InstanceAccess access, InstanceStore store, InstanceViews views, VersionedObjects objects, DisplayTime time) {
        this.access = access;
        this.store = store;
        this.views = views;
        this.objects = objects;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        ListQuery q = request.listQuery();
        if (q == null) throw PopErrors.missingParameter("ListQuery.ProjectId").exception();
        if (q.projectId() == null) throw PopErrors.missingParameter("ListQuery.ProjectId").exception();
        if (q.page() == null) throw PopErrors.missingParameter("ListQuery.Page").exception();
        if (q.pageSize() == null) throw PopErrors.missingParameter("ListQuery.PageSize").exception();
        Paging paging = Paging.of(q.page(), q.pageSize(), "ListQuery.Page", "ListQuery.PageSize");
        access.reader(caller, q.projectId());
        long tenant = caller.tenant().id();

        Long objectId = null;
        if (q.nodeId() != null && !q.nodeId().isBlank()) objectId = nodeObject(q.nodeId().trim(), "ListQuery.NodeId");
        List<Long> objectIds = narrowedNodes(tenant, q);
        List<InstanceStatus> statuses = new ArrayList<>();
        if (q.runStatusList() != null) {
            for (String s : q.runStatusList()) {
                String name = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
                try {
                    statuses.add(InstanceStatus.valueOf(name));
                } catch (IllegalArgumentException e) {
                    // the contract's other statuses (INIT, WAIT_SUBMISSION, DISPATCH_BLOCKED) never occur here
                    if (!List.of("INIT", "WAIT_SUBMISSION", "DISPATCH_BLOCKED").contains(name)) {
                        throw PopErrors.invalidParameter("ListQuery.RunStatusList", "unknown status '" + PopErrors.excerpt(s) + "'").exception();
                    }
                }
            }
            if (statuses.isEmpty() && !q.runStatusList().isEmpty()) return new Response(new PageResult(List.of(), 0));
        }
        Boolean manual = null;
        if (q.scheduleType() != null && !q.scheduleType().isBlank()) {
            manual = switch (q.scheduleType().trim().toUpperCase(Locale.ROOT)) {
                case "NORMAL" -> false;
                case "MANUAL" -> true;
                default -> throw PopErrors.invalidParameter("ListQuery.ScheduleType", "expected NORMAL or MANUAL").exception();
            };
        }
        var filter = new InstanceStore.Filter(tenant, q.projectId(), objectId, blankToNull(q.flowId()), manual,
                date(q.minBizDate(), "ListQuery.MinBizDate"), date(q.maxBizDate(), "ListQuery.MaxBizDate"),
                startOf(q.minRunDate(), "ListQuery.MinRunDate", 0), startOf(q.maxRunDate(), "ListQuery.MaxRunDate", 1),
                statuses, q.schedulePaused(), objectIds);
        InstanceStore.Page page = store.page(filter, paging.offset(), paging.size());
        return new Response(new PageResult(views.views(caller, page.rows()), page.total()));
    }

    /** Nodes by owner and search text, or null when neither narrows. */
    private List<Long> narrowedNodes(long tenant, ListQuery q) {
        boolean byOwner = q.ownerList() != null && !q.ownerList().isEmpty();
        boolean byText = q.searchText() != null && !q.searchText().isBlank();
        if (!byOwner && !byText) return null;
        String text = byText ? q.searchText().trim() : null;
        return objects.ofProject(tenant, q.projectId()).stream()
                .filter(o -> !byOwner || q.ownerList().contains(String.valueOf(o.ownerId())))
                .filter(o -> text == null || o.nodeId().equals(text) || o.name().toLowerCase(Locale.ROOT).contains(text.toLowerCase(Locale.ROOT)))
                .map(DevObject::id).toList();
    }

    static long nodeObject(String nodeId, String path) {
        if (!nodeId.matches("n_[0-9]{1,18}")) throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(nodeId) + "' is not a node id (n_<number>)").exception();
        return Long.parseLong(nodeId.substring(2));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static String date(String text, String path) {
        if (text == null || text.isBlank()) return null;
        try {
            return LocalDate.parse(text.trim().length() > 10 ? text.trim().substring(0, 10) : text.trim()).toString();
        } catch (DateTimeParseException e) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(text) + "' is not a date (yyyy-MM-dd)").exception();
        }
    }

    private Long startOf(String text, String path, int plusDays) {
        String day = date(text, path);
        return day == null ? null : LocalDate.parse(day).plusDays(plusDays).atStartOfDay(time.zone()).toInstant().toEpochMilli();
    }
}
