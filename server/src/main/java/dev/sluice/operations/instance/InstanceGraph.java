package dev.sluice.operations.instance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.TaskType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.RpcJson;

/**
 * The instances an instance waits for and the ones waiting for it, as the dispatcher matches them: an upstream's
 * instances of the business date minus the dependency's {@code PeriodDiff}, in the same flow, and for the same period
 * only those due at or before it (the first when none is). Walked level by level for {@code GetInstanceDownStream} and
 * {@code GetInstanceUpDownStream}, each instance once, at most {@value #MAX_REACHED} per walk.
 */
@Component
class InstanceGraph {

    static final int MAX_REACHED = 1000;

    /** An instance reached at {@code depth} levels from the start, with its node's name and task type. */
    record Reached(int depth, Instance instance, String name, String type) {
    }

    private final InstanceStore store;
    private final VersionedObjects objects;

    InstanceGraph(InstanceStore store, VersionedObjects objects) {
        this.store = store;
        this.objects = objects;
    }

    /** A walk over one tenant's published tasks, read once. */
    Walk walk(long tenantId) {
        Map<Long, BatchTask> published = new HashMap<>();
        Map<Long, DevObject> nodes = new HashMap<>();
        for (DevObject o : objects.ofKind(tenantId, InstanceGenerator.KIND)) {
            objects.production(o).ifPresent(v -> {
                published.put(o.id(), RpcJson.MAPPER.readValue(v.payload(), BatchTask.class));
                nodes.put(o.id(), o);
            });
        }
        return new Walk(tenantId, published, nodes);
    }

    final class Walk {

        private final long tenantId;
        private final Map<Long, BatchTask> published;
        private final Map<Long, DevObject> nodes;
        private final Map<String, Optional<BatchTask>> versions = new HashMap<>();

        private Walk(long tenantId, Map<Long, BatchTask> published, Map<Long, DevObject> nodes) {
            this.tenantId = tenantId;
            this.published = published;
            this.nodes = nodes;
        }

        /** The instances {@code depth} levels up (true) or down from {@code start}, nearest first, without it. */
        List<Reached> from(Instance start, int depth, boolean up) {
            List<Reached> reached = new ArrayList<>();
            Set<Long> seen = new HashSet<>(List.of(start.id()));
            List<Instance> level = List.of(start);
            for (int d = 1; d <= depth && !level.isEmpty() && reached.size() < MAX_REACHED; d++) {
                List<Instance> next = new ArrayList<>();
                for (Instance i : level) {
                    for (Instance n : up ? upstream(i) : downstream(i)) {
                        if (reached.size() >= MAX_REACHED) break;
                        if (seen.add(n.id())) {
                            next.add(n);
                            reached.add(reached(d, n));
                        }
                    }
                }
                level = next;
            }
            return reached;
        }

        Reached reached(int depth, Instance i) {
            DevObject node = nodes.get(i.objectId());
            BatchTask task = task(i).orElse(null);
            String name = node != null ? node.name() : task == null ? null : task.name();
            String type = task == null ? null : TaskType.of(task.taskType()).map(TaskType::name).orElse(null);
            return new Reached(depth, i, name, type);
        }

        /** The instances this one's start waits for, per its own version's dependencies. */
        private List<Instance> upstream(Instance i) {
            List<Instance> out = new ArrayList<>();
            Optional<BatchTask> task = task(i);
            if (task.isEmpty()) return out;
            for (BatchTask.Upstream u : task.get().upstreams()) {
                List<Instance> all = store.ofOutput(tenantId, u.outputName(), Dependencies.upstreamBizDate(i.bizDate(), u.periodDiff()), i.flowId());
                out.addAll(Dependencies.counted(all, Instance::dueAt, i.dueAt(), u.periodDiff() <= 0));
            }
            return out;
        }

        /** The instances of published tasks whose start waits for this one. */
        private List<Instance> downstream(Instance i) {
            List<Instance> out = new ArrayList<>();
            Optional<BatchTask> task = task(i);
            if (task.isEmpty()) return out;
            for (Map.Entry<Long, BatchTask> candidate : published.entrySet()) {
                for (BatchTask.Upstream u : candidate.getValue().upstreams()) {
                    if (!task.get().outputs().contains(u.outputName())) continue;
                    String bizDate = LocalDate.parse(i.bizDate()).plusDays(Math.max(0, u.periodDiff())).toString();
                    List<Instance> siblings = store.ofOutput(tenantId, u.outputName(), i.bizDate(), i.flowId());
                    for (Instance waiting : store.ofNode(tenantId, candidate.getKey(), bizDate, i.flowId())) {
                        boolean counts = Dependencies.counted(siblings, Instance::dueAt, waiting.dueAt(), u.periodDiff() <= 0).stream()
                                .anyMatch(s -> s.id() == i.id());
                        if (counts && !out.contains(waiting)) out.add(waiting);
                    }
                }
            }
            return out;
        }

        /** The task as the instance's version has it (the dispatcher starts that one), read once per version. */
        private Optional<BatchTask> task(Instance i) {
            return versions.computeIfAbsent(i.objectId() + ":" + i.version(), key -> {
                Optional<DevObject> node = Optional.ofNullable(nodes.get(i.objectId())).or(() -> objects.find(tenantId, i.objectId()));
                return node.flatMap(n -> objects.version(n, i.version())).map(v -> RpcJson.MAPPER.readValue(v.payload(), BatchTask.class))
                        .or(() -> Optional.ofNullable(published.get(i.objectId())));
            });
        }
    }
}
