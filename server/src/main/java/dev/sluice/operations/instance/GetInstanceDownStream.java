package dev.sluice.operations.instance;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.TaskType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.protocol.PopErrors;

/**
 * The instances downstream of one, level by level to {@code DownStreamDepth} (at most {@value #MAX_DEPTH}): the
 * instances of the same business date and flow of the published tasks that depend on its node's outputs in the same
 * period. {@code RunStatus} keeps those in that status (the walk goes through the others).
 */
@Action("GetInstanceDownStream")
final class GetInstanceDownStream implements OperationHandler<GetInstanceDownStream.Request, GetInstanceDownStream.Response> {

    static final int MAX_DEPTH = 10;

    record Request(Integer downStreamDepth, String env, InstanceGet instanceGet, String runStatus) {
    }

    record InstanceGet(String instanceId, String nodeType) {
    }

    record Response(List<Relation> instanceRelationList) {
    }

    record Relation(int downStreamDepth, String extendInfo, List<Object> fieldInstanceList, Info instanceInfo, String runStatus,
                    String selectStatus, String selectStatusCause) {
    }

    record Info(String id, String name, String type) {
    }

    private final InstanceAccess access;
    private final InstanceStore store;
    private final VersionedObjects objects;

    GetInstanceDownStream(InstanceAccess access, InstanceStore store, VersionedObjects objects) {
        this.access = access;
        this.store = store;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        if (request.downStreamDepth() == null) throw PopErrors.missingParameter("DownStreamDepth").exception();
        if (request.downStreamDepth() < 1 || request.downStreamDepth() > MAX_DEPTH) {
            throw PopErrors.invalidParameter("DownStreamDepth", "between 1 and " + MAX_DEPTH).exception();
        }
        InstanceGet get = request.instanceGet();
        if (get == null || get.instanceId() == null || get.instanceId().isBlank()) throw PopErrors.missingParameter("InstanceGet.InstanceId").exception();
        long id = Instance.parseId(get.instanceId().trim());
        if (id < 0) throw PopErrors.invalidParameter("InstanceGet.InstanceId", "not an instance id (t_<number>)").exception();
        Instance root = store.find(caller.tenant().id(), id).orElseThrow(() -> PopErrors.notFound("instance", get.instanceId()).exception());
        access.reader(caller, root.projectId());
        String only = request.runStatus() == null || request.runStatus().isBlank() ? null : request.runStatus().trim().toUpperCase(Locale.ROOT);

        Map<Long, BatchTask> published = new HashMap<>();
        Map<Long, DevObject> nodes = new HashMap<>();
        for (DevObject o : objects.ofKind(caller.tenant().id(), InstanceGenerator.KIND)) {
            objects.production(o).ifPresent(v -> {
                published.put(o.id(), RpcJson.MAPPER.readValue(v.payload(), BatchTask.class));
                nodes.put(o.id(), o);
            });
        }
        List<Relation> relations = new ArrayList<>();
        Set<Long> seen = new HashSet<>(List.of(root.objectId()));
        List<Long> level = List.of(root.objectId());
        for (int depth = 1; depth <= request.downStreamDepth() && !level.isEmpty(); depth++) {
            List<Long> next = new ArrayList<>();
            for (long upstream : level) {
                BatchTask task = published.get(upstream);
                if (task == null) continue;
                for (Map.Entry<Long, BatchTask> candidate : published.entrySet()) {
                    boolean depends = candidate.getValue().upstreams().stream()
                            .anyMatch(u -> u.periodDiff() <= 0 && task.outputs().contains(u.outputName()));
                    if (depends && seen.add(candidate.getKey())) next.add(candidate.getKey());
                }
            }
            for (long node : next) {
                for (Instance i : store.ofNode(caller.tenant().id(), node)) {
                    if (!i.bizDate().equals(root.bizDate()) || !i.flowId().equals(root.flowId())) continue;
                    if (only != null && !only.equals(i.status().name())) continue;
                    BatchTask task = published.get(node);
                    relations.add(new Relation(depth, null, List.of(), new Info(i.wireId(), nodes.get(node).name(),
                            TaskType.of(task.taskType()).map(TaskType::name).orElse(null)), i.status().name(), null, null));
                }
            }
            level = next;
        }
        return new Response(relations);
    }
}
