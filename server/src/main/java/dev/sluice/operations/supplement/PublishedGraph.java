package dev.sluice.operations.supplement;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.RpcJson;

/**
 * The tenant's published batch tasks and their dependencies, by output names across projects: a task depends on the
 * tasks writing the outputs its upstreams name. Walks are unbounded (a backfill of "everything downstream" means all of
 * it) and meet each node once, so a cycle cannot loop.
 */
final class PublishedGraph {

    static final String KIND = "BATCH_TASK";

    record Node(DevObject object, int version, BatchTask task) {
    }

    /** An edge to a dependent task; {@code samePeriod} when it depends on the same business date. */
    private record Edge(long to, boolean samePeriod) {
    }

    private final Map<Long, Node> nodes = new LinkedHashMap<>();
    private final Map<Long, List<Edge>> down = new HashMap<>();
    private final Map<Long, List<Edge>> up = new HashMap<>();

    private PublishedGraph() {
    }

    static PublishedGraph of(VersionedObjects objects, long tenantId) {
        PublishedGraph graph = new PublishedGraph();
        for (DevObject object : objects.ofKind(tenantId, KIND)) {
            if (!object.inProduction()) continue;
            objects.production(object).ifPresent(v -> graph.nodes.put(object.id(),
                    new Node(object, v.version(), RpcJson.MAPPER.readValue(v.payload(), BatchTask.class))));
        }
        Map<String, List<Long>> writers = new HashMap<>();
        graph.nodes.forEach((id, node) -> node.task().outputs().forEach(o -> writers.computeIfAbsent(o, k -> new ArrayList<>()).add(id)));
        graph.nodes.forEach((id, node) -> {
            for (BatchTask.Upstream upstream : node.task().upstreams()) {
                for (long writer : writers.getOrDefault(upstream.outputName(), List.of())) {
                    if (writer == id) continue;
                    graph.down.computeIfAbsent(writer, k -> new ArrayList<>()).add(new Edge(id, upstream.periodDiff() <= 0));
                    graph.up.computeIfAbsent(id, k -> new ArrayList<>()).add(new Edge(writer, upstream.periodDiff() <= 0));
                }
            }
        });
        return graph;
    }

    Optional<Node> node(long objectId) {
        return Optional.ofNullable(nodes.get(objectId));
    }

    /** Every node depending on one of {@code starts}, directly or through others; {@code samePeriod} follows only same-date edges. */
    Set<Long> downstream(Collection<Long> starts, boolean samePeriod) {
        return walk(starts, down, samePeriod);
    }

    /** Every node one of {@code ends} depends on, directly or through others. */
    Set<Long> upstream(Collection<Long> ends) {
        return walk(ends, up, false);
    }

    private static Set<Long> walk(Collection<Long> starts, Map<Long, List<Edge>> edges, boolean samePeriod) {
        Set<Long> met = new LinkedHashSet<>();
        Deque<Long> queue = new ArrayDeque<>(starts);
        while (!queue.isEmpty()) {
            for (Edge edge : edges.getOrDefault(queue.poll(), List.of())) {
                if (samePeriod && !edge.samePeriod()) continue;
                if (!starts.contains(edge.to()) && met.add(edge.to())) queue.add(edge.to());
            }
        }
        return met;
    }
}
