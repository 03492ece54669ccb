package dev.sluice.operations.node;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/** The node writing an output name (output names are unique in a tenant), if the caller may read its project. */
@Action("GetPhysicalNodeByOutputName")
final class GetPhysicalNodeByOutputName implements OperationHandler<GetPhysicalNodeByOutputName.Request, GetPhysicalNodeByOutputName.Response> {

    record Request(String env, String outputName) {
    }

    record Response(NodeViews.NodeInfo nodeInfo) {
    }

    private final ProductionNodes nodes;
    private final NodeViews views;

    GetPhysicalNodeByOutputName(ProductionNodes nodes, NodeViews views) {
        this.nodes = nodes;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        if (request.outputName() == null || request.outputName().isBlank()) throw PopErrors.missingParameter("OutputName").exception();
        String output = request.outputName().trim();
        ProductionNodes.Node writer = ProductionNodes.byOutput(nodes.all(caller.tenant().id(), env)).get(output);
        if (writer == null) throw PopErrors.notFound("node output", output).exception();
        ProductionNodes.Readable found = nodes.readable(caller, writer.id(), env, "OutputName");
        return new Response(views.info(caller, found.project(), found.node(), false));
    }
}
