package dev.sluice.operations.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/**
 * The nodes downstream of several nodes, each once at its nearest depth (default 1, at most {@link NodeGraph#MAX_DEPTH}),
 * kept or left out by project or node id ({@code FilterList}; Sluice has no logical table nodes, so such a filter
 * matches none).
 */
@Action("ListNodeDownStream")
final class ListNodeDownStream implements OperationHandler<ListNodeDownStream.Request, ListNodeDownStream.Response> {

    static final int MAX_NODES = 100;

    record NodeRef(List<String> fieldIdList, String id) {
    }

    record Filter(Boolean exclude, String key, List<String> valueList) {
    }

    record ListQuery(Integer downStreamDepth, List<Filter> filterList, List<NodeRef> nodeIdList, Long projectId) {
    }

    record Request(String env, ListQuery listQuery) {
    }

    record NodeInfo(Integer depth, List<String> fieldIdList, String id, String name, String type) {
    }

    record Response(List<NodeInfo> nodeInfoList) {
    }

    private final ProductionNodes nodes;

    ListNodeDownStream(ProductionNodes nodes) {
        this.nodes = nodes;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.PROD, "Env");
        ListQuery query = request.listQuery();
        if (query == null) throw PopErrors.missingParameter("ListQuery").exception();
        if (query.nodeIdList() == null || query.nodeIdList().isEmpty()) throw PopErrors.missingParameter("ListQuery.NodeIdList").exception();
        if (query.nodeIdList().size() > MAX_NODES) {
            throw PopErrors.invalidParameter("ListQuery.NodeIdList", "at most " + MAX_NODES + " nodes per call, got " + query.nodeIdList().size())
                    .exception();
        }
        int depth = GetNodeUpDownStream.depth(query.downStreamDepth(), "ListQuery.DownStreamDepth");
        Predicate<ProductionNodes.Node> kept = filters(query.filterList());
        List<String> starts = new ArrayList<>();
        for (int i = 0; i < query.nodeIdList().size(); i++) {
            NodeRef ref = query.nodeIdList().get(i);
            String path = "ListQuery.NodeIdList[" + i + "].Id";
            ProductionNodes.Readable found = nodes.readable(caller, ref == null ? null : ref.id(), env, path);
            if (query.projectId() != null && query.projectId() != found.project().id()) {
                throw PopErrors.notFound("production node", ref.id().trim()).exception();
            }
            starts.add(found.node().id());
        }
        NodeGraph graph = new NodeGraph(nodes.all(caller.tenant().id(), env));
        Map<ProductionNodes.Node, Integer> met = new LinkedHashMap<>();
        for (String start : starts) {
            graph.downstream(start, depth).forEach((node, d) -> met.merge(node, d, Math::min));
        }
        return new Response(met.entrySet().stream().filter(e -> kept.test(e.getKey()))
                .map(e -> new NodeInfo(e.getValue(), List.of(), e.getKey().id(), e.getKey().task().name(), NodeViews.NODE_TYPE)).toList());
    }

    private static Predicate<ProductionNodes.Node> filters(List<Filter> filters) {
        Predicate<ProductionNodes.Node> kept = n -> true;
        if (filters == null) return kept;
        for (int i = 0; i < filters.size(); i++) {
            Filter filter = filters.get(i);
            String path = "ListQuery.FilterList[" + i + "]";
            if (filter == null || filter.key() == null || filter.key().isBlank()) throw PopErrors.missingParameter(path + ".Key").exception();
            List<String> values = filter.valueList() == null ? List.of() : filter.valueList().stream().map(String::trim).toList();
            Predicate<ProductionNodes.Node> matches = switch (filter.key().trim().toUpperCase(Locale.ROOT)) {
                case "PROJECT" -> n -> values.contains(String.valueOf(n.object().projectId()));
                case "PHYSICAL_NODE_ID" -> n -> values.contains(n.id());
                case "LOGICAL_TABLE_NODE_ID" -> n -> false;
                default -> throw PopErrors.invalidParameter(path + ".Key", "expected PROJECT, PHYSICAL_NODE_ID or LOGICAL_TABLE_NODE_ID, got '"
                        + PopErrors.excerpt(filter.key()) + "'").exception();
            };
            kept = kept.and(Boolean.TRUE.equals(filter.exclude()) ? matches.negate() : matches);
        }
        return kept;
    }
}
