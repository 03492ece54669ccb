package dev.sluice.operations.node;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;

/** The code of a node as published ({@code Env} DEV: the draft's code). */
@Action("GetPhysicalNodeContent")
final class GetPhysicalNodeContent implements OperationHandler<GetPhysicalNodeContent.Request, GetPhysicalNodeContent.Response> {

    record Request(String env, String nodeId) {
    }

    record Data(String codeContent, String nodeId, String nodeName) {
    }

    record Response(Data data) {
    }

    private final ProductionNodes nodes;

    GetPhysicalNodeContent(ProductionNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        ProductionNodes.Node node = nodes.readable(caller, request.nodeId(), env, "NodeId").node();
        return new Response(new Data(node.task().code() == null ? "" : node.task().code(), node.id(), node.task().name()));
    }
}
