package dev.sluice.operations.node;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.operations.node.ProductionNodes.Node;

/**
 * The dependency graph of nodes, by output names: a node depends on the nodes writing the outputs its upstreams name.
 * Walks go breadth first to a bounded depth, each node met once at its nearest depth.
 */
final class NodeGraph {

    /** The deepest walk answered; the contract sets no bound, a graph walk needs one. */
    static final int MAX_DEPTH = 10;

    private final Map<String, Node> byId = new LinkedHashMap<>();
    private final Map<String, List<Node>> upstreams = new LinkedHashMap<>();
    private final Map<String, List<Node>> downstreams = new LinkedHashMap<>();

    NodeGraph(List<Node> nodes) {
        Map<String, Node> writers = ProductionNodes.byOutput(nodes);
        for (Node node : nodes) {
            byId.put(node.id(), node);
            upstreams.putIfAbsent(node.id(), new ArrayList<>());
            downstreams.putIfAbsent(node.id(), new ArrayList<>());
        }
        for (Node node : nodes) {
            for (BatchTask.Upstream upstream : node.task().upstreams()) {
                Node writer = writers.get(upstream.outputName());
                if (writer == null || writer.id().equals(node.id())) continue;
                if (!upstreams.get(node.id()).contains(writer)) upstreams.get(node.id()).add(writer);
                if (!downstreams.get(writer.id()).contains(node)) downstreams.get(writer.id()).add(node);
            }
        }
    }

    /** The nodes {@code start} depends on, directly (depth 1) or through others, to {@code depth}, with their depths. */
    Map<Node, Integer> upstream(String start, int depth) {
        return walk(start, depth, upstreams);
    }

    /** The nodes depending on {@code start}, to {@code depth}, with their depths. */
    Map<Node, Integer> downstream(String start, int depth) {
        return walk(start, depth, downstreams);
    }

    private Map<Node, Integer> walk(String start, int depth, Map<String, List<Node>> edges) {
        Map<Node, Integer> met = new LinkedHashMap<>();
        Deque<Map.Entry<String, Integer>> queue = new ArrayDeque<>();
        queue.add(Map.entry(start, 0));
        while (!queue.isEmpty()) {
            Map.Entry<String, Integer> at = queue.poll();
            if (at.getValue() >= Math.min(depth, MAX_DEPTH)) continue;
            for (Node next : edges.getOrDefault(at.getKey(), List.of())) {
                if (next.id().equals(start) || met.containsKey(next)) continue;
                met.put(next, at.getValue() + 1);
                queue.add(Map.entry(next.id(), at.getValue() + 1));
            }
        }
        return met;
    }
}
