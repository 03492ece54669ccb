package dev.sluice.operations.node;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.sluice.develop.version.PublishRecord;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;

/**
 * What was done to a node, newest first: its publishes (CREATE_NODE, UPDATE_NODE, DELETE_NODE from the publish
 * records) and the O&M operations written to the operation log (pause, resume, and those on its instances), at most
 * {@link NodeLog#MAX_ENTRIES} of the latter.
 */
@Action("GetPhysicalNodeOperationLog")
final class GetPhysicalNodeOperationLog implements OperationHandler<GetPhysicalNodeOperationLog.Request, GetPhysicalNodeOperationLog.Response> {

    record Request(String env, String nodeId) {
    }

    record OperationLog(String context, String operationTime, String operationType, String operator, String operatorName) {
    }

    record Response(List<OperationLog> operationLogList) {
    }

    private record Entry(long at, long userId, String type, String context) {
    }

    private final ProductionNodes nodes;
    private final NodeLog log;
    private final VersionedObjects objects;
    private final NodeViews views;
    private final DisplayTime time;

    GetPhysicalNodeOperationLog(ProductionNodes nodes, NodeLog log, VersionedObjects objects, NodeViews views, DisplayTime time) {
        this.nodes = nodes;
        this.log = log;
        this.objects = objects;
        this.views = views;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        ProductionNodes.Node node = nodes.readable(caller, request.nodeId(), env, "NodeId").node();
        long tenant = caller.tenant().id();
        List<Entry> entries = new ArrayList<>();
        for (PublishRecord p : objects.publishes(tenant, List.of(node.object().projectId()))) {
            if (p.objectId() != node.object().id() || !p.succeeded()) continue;
            String type = switch (p.changeType()) {
                case CREATE -> "CREATE_NODE";
                case UPDATE -> "UPDATE_NODE";
                case DELETE -> "DELETE_NODE";
            };
            entries.add(new Entry(p.publishedAt(), p.publisher(), type, "version " + p.version() + " published"
                    + (p.comment() == null || p.comment().isBlank() ? "" : ": " + p.comment())));
        }
        for (NodeLog.Entry e : log.of(tenant, node.id())) entries.add(new Entry(e.at(), e.userId(), e.operation(), e.detail()));
        entries.sort(Comparator.comparingLong(Entry::at).reversed());
        NodeViews.Names names = views.names(caller, entries.stream().map(Entry::userId).toList());
        return new Response(entries.stream().map(e -> new OperationLog(e.context(), time.format(e.at()), e.type(), String.valueOf(e.userId()),
                names.ref(e.userId()).name())).toList());
    }
}
