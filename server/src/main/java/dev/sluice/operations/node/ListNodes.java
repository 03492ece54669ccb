package dev.sluice.operations.node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.TaskType;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.Paging;
import dev.sluice.operations.node.ProductionNodes.Node;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;

/**
 * The nodes of a project, filtered and paged, oldest first. Sluice's nodes are code tasks ({@code SCRIPT}); asking for
 * logical tables or backfill nodes ({@code SUPPLEMENT}) finds none.
 */
@Action("ListNodes")
final class ListNodes implements OperationHandler<ListNodes.Request, ListNodes.Response> {

    record ListQuery(Boolean dryRun, String nodeBizType, List<String> nodeSubBizTypeList, List<String> ownerList, Integer page,
                     Integer pageSize, List<String> priorityList, Long projectId, Boolean schedulePaused, List<String> schedulePeriodList,
                     String scheduleType, String searchText) {
    }

    record Request(String env, ListQuery listQuery) {
    }

    record NodeItem(String bizUnitName, String createTime, NodeViews.UserRef creator, String description, Boolean dryRun, String extendInfo,
                    String from, Boolean hasDev, Boolean hasProd, String id, String lastModifiedTime, NodeViews.UserRef modifier, String name,
                    List<NodeViews.UserRef> ownerList, List<String> priorityList, NodeViews.ProjectRef projectInfo, Boolean schedulePaused,
                    List<String> schedulePeriodList, String subDetailType, String type) {
    }

    record PageResult(List<NodeItem> nodeList, int totalCount) {
    }

    record Response(PageResult pageResult) {
    }

    private final ProductionNodes nodes;
    private final NodeViews views;
    private final DisplayTime time;

    ListNodes(ProductionNodes nodes, NodeViews views, DisplayTime time) {
        this.nodes = nodes;
        this.views = views;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        ListQuery query = request.listQuery();
        if (query == null) throw PopErrors.missingParameter("ListQuery").exception();
        if (query.projectId() == null) throw PopErrors.missingParameter("ListQuery.ProjectId").exception();
        if (query.nodeBizType() == null || query.nodeBizType().isBlank()) throw PopErrors.missingParameter("ListQuery.NodeBizType").exception();
        Paging paging = Paging.of(query.page(), query.pageSize(), "ListQuery.Page", "ListQuery.PageSize");
        Project project = nodes.readableProject(caller, query.projectId(), env);
        List<Node> found = new ArrayList<>();
        if (query.nodeBizType().trim().equalsIgnoreCase("SCRIPT")) {
            Set<String> owners = upper(query.ownerList());
            Set<String> subTypes = upper(query.nodeSubBizTypeList());
            Set<String> priorities = upper(query.priorityList());
            Set<String> periods = upper(query.schedulePeriodList());
            String scheduleType = query.scheduleType() == null ? "" : query.scheduleType().trim().toUpperCase(Locale.ROOT);
            String text = query.searchText() == null ? "" : query.searchText().trim().toLowerCase(Locale.ROOT);
            for (Node node : nodes.ofProject(caller.tenant().id(), project.id(), env)) {
                BatchTask task = node.task();
                if (!owners.isEmpty() && !owners.contains(String.valueOf(node.object().ownerId()))) continue;
                if (!subTypes.isEmpty() && TaskType.of(task.taskType()).filter(t -> subTypes.contains(t.name())
                        || subTypes.contains(t.wireName().toUpperCase(Locale.ROOT))).isEmpty()) continue;
                if (!priorities.isEmpty() && !priorities.contains(NodeViews.priority(task.priority()))) continue;
                if (!periods.isEmpty() && !periods.contains(NodeViews.period(task))) continue;
                if (scheduleType.equals("SUPPLEMENT")) continue;
                if (scheduleType.equals("NORMAL") && task.scheduleType() != BatchTask.PERIODIC) continue;
                if (scheduleType.equals("MANUAL") && task.scheduleType() != BatchTask.MANUAL) continue;
                if (query.dryRun() != null && query.dryRun() != (task.nodeStatus() == 3)) continue;
                if (query.schedulePaused() != null && query.schedulePaused() != views.paused(node)) continue;
                if (!text.isEmpty() && !task.name().toLowerCase(Locale.ROOT).contains(text) && !node.id().equals(text)
                        && task.outputs().stream().noneMatch(o -> o.toLowerCase(Locale.ROOT).contains(text))) continue;
                found.add(node);
            }
        }
        found.sort(Comparator.comparingLong(n -> n.object().id()));
        List<Node> page = paging.slice(found);
        NodeViews.Names names = views.names(caller, page.stream().flatMap(n -> java.util.stream.Stream.of(n.object().createdBy(),
                n.object().modifiedBy(), n.object().ownerId())).toList());
        List<NodeItem> items = page.stream().map(n -> item(n, project, names)).toList();
        return new Response(new PageResult(items, found.size()));
    }

    private NodeItem item(Node node, Project project, NodeViews.Names names) {
        BatchTask task = node.task();
        String period = NodeViews.period(task);
        return new NodeItem(null, time.format(node.object().createdAt()), names.ref(node.object().createdBy()), task.description(),
                task.nodeStatus() == 3, null, NodeViews.FROM, true, node.object().inProduction(), node.id(),
                time.format(node.object().modifiedAt()), names.ref(node.object().modifiedBy()), task.name(),
                List.of(names.ref(node.object().ownerId())), List.of(NodeViews.priority(task.priority())), NodeViews.project(project),
                views.paused(node), period == null ? List.of() : List.of(period), NodeViews.operatorType(task), NodeViews.NODE_TYPE);
    }

    private static Set<String> upper(List<String> values) {
        return values == null ? Set.of() : values.stream().filter(v -> v != null && !v.isBlank())
                .map(v -> v.trim().toUpperCase(Locale.ROOT)).collect(Collectors.toSet());
    }
}
