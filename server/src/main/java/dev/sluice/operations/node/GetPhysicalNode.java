package dev.sluice.operations.node;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;

/** A scheduling node: its schedule, owner, priority, outputs and status ({@code Env} DEV: the task's draft). */
@Action("GetPhysicalNode")
final class GetPhysicalNode implements OperationHandler<GetPhysicalNode.Request, GetPhysicalNode.Response> {

    record Request(String env, String nodeId) {
    }

    record Response(NodeViews.NodeInfo nodeInfo) {
    }

    private final ProductionNodes nodes;
    private final NodeViews views;

    GetPhysicalNode(ProductionNodes nodes, NodeViews views) {
        this.nodes = nodes;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        ProductionNodes.Readable found = nodes.readable(caller, request.nodeId(), env, "NodeId");
        return new Response(views.info(caller, found.project(), found.node(), true));
    }
}
