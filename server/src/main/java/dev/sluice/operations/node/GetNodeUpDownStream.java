package dev.sluice.operations.node;

import java.util.List;
import java.util.Map;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/**
 * A node with the nodes it depends on and those depending on it, each to its depth (default 1, at most
 * {@link NodeGraph#MAX_DEPTH}), across the tenant's projects by output name.
 */
@Action("GetNodeUpDownStream")
final class GetNodeUpDownStream implements OperationHandler<GetNodeUpDownStream.Request, GetNodeUpDownStream.Response> {

    record NodeRef(String fieldIdList, String id) {
    }

    record Request(Integer downStreamDepth, String env, NodeRef nodeId, Long projectId, Integer upStreamDepth) {
    }

    record DagNode(List<String> fieldIdList, String id, String name, String type) {
    }

    record NodeDagInfo(List<DagNode> downStreamNodeList, List<DagNode> startNodeList, List<DagNode> upStreamNodeList) {
    }

    record Response(NodeDagInfo nodeDagInfo) {
    }

    private final ProductionNodes nodes;

    GetNodeUpDownStream(ProductionNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        if (request.nodeId() == null) throw PopErrors.missingParameter("NodeId").exception();
        int up = depth(request.upStreamDepth(), "UpStreamDepth");
        int down = depth(request.downStreamDepth(), "DownStreamDepth");
        ProductionNodes.Readable found = nodes.readable(caller, request.nodeId().id(), env, "NodeId.Id");
        if (request.projectId() != null && request.projectId() != found.project().id()) {
            throw PopErrors.notFound("production node", request.nodeId().id().trim()).exception();
        }
        NodeGraph graph = new NodeGraph(nodes.all(caller.tenant().id(), env));
        String start = found.node().id();
        return new Response(new NodeDagInfo(dag(graph.downstream(start, down)), List.of(node(found.node())), dag(graph.upstream(start, up))));
    }

    static int depth(Integer given, String path) {
        int depth = given == null ? 1 : given;
        if (depth < 0 || depth > NodeGraph.MAX_DEPTH) {
            throw PopErrors.invalidParameter(path, "the depth must be between 0 and " + NodeGraph.MAX_DEPTH + ", got " + depth).exception();
        }
        return depth;
    }

    private static List<DagNode> dag(Map<ProductionNodes.Node, Integer> met) {
        return met.keySet().stream().map(GetNodeUpDownStream::node).toList();
    }

    private static DagNode node(ProductionNodes.Node node) {
        return new DagNode(List.of(), node.id(), node.task().name(), NodeViews.NODE_TYPE);
    }
}
