package dev.sluice.operations.instance;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.TaskType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.operations.NodeHolds;

import org.springframework.beans.factory.ObjectProvider;

/** Instances as the contract shows them ({@code ListInstances}, {@code GetPhysicalInstance}). */
@Component
public class InstanceViews {

    private static final String[] PRIORITIES = {"HIGHEST", "HIGHEST", "HIGH", "HIGH", "MIDDLE", "MIDDLE", "LOW", "LOW", "LOWEST", "LOWEST"};

    private final VersionedObjects objects;
    private final TenantUsers users;
    private final DisplayTime time;
    private final ObjectProvider<NodeHolds> holds;
    private final java.time.Clock clock;

    InstanceViews(VersionedObjects objects, TenantUsers users, DisplayTime time, ObjectProvider<NodeHolds> holds, java.time.Clock clock) {
        this.clock = clock;
        this.objects = objects;
        this.users = users;
        this.time = time;
        this.holds = holds;
    }

    public record UserRef(String id, String name) {
    }

    public record NodeInfo(String bizUnitName, String createTime, UserRef creator, String description, Boolean dryRun, String from,
                    Boolean hasDev, Boolean hasProd, String id, String lastModifiedTime, UserRef modifier, String name,
                    List<UserRef> ownerList, List<String> priorityList, List<String> resourceGroupList, Boolean schedulePaused,
                    List<String> schedulePeriodList, String subDetailType, String type) {
    }

    public record InstanceView(String bizDate, String dueTime, String duration, Long endExecuteTime, String extendInfo, String id,
                        Integer index, NodeInfo nodeInfo, Long startExecuteTime, List<String> statusList) {
    }

    List<InstanceView> views(Caller caller, Collection<Instance> instances) {
        Set<Long> userIds = new HashSet<>();
        Map<Long, Optional<DevObject>> nodes = new java.util.HashMap<>();
        for (Instance i : instances) {
            Optional<DevObject> o = nodes.computeIfAbsent(i.objectId(), id -> objects.find(caller.tenant().id(), id));
            o.ifPresent(d -> {
                userIds.add(d.ownerId());
                userIds.add(d.createdBy());
                userIds.add(d.modifiedBy());
            });
        }
        Map<Long, User> named = users.byId(caller, userIds);
        List<InstanceView> out = new ArrayList<>();
        for (Instance i : instances) out.add(view(i, nodes.get(i.objectId()).orElse(null), named));
        return out;
    }

    InstanceView view(Caller caller, Instance instance) {
        return views(caller, List.of(instance)).getFirst();
    }

    private InstanceView view(Instance i, DevObject node, Map<Long, User> named) {
        Long started = i.startedAt();
        Long ended = i.status().isFinal() ? i.finishedAt() : null;
        String duration = started == null ? null : ((ended == null ? clock.millis() : ended) - started) / 1000 + "s";
        return new InstanceView(i.bizDate(), time.format(i.dueAt()), duration, ended, i.flowId().isEmpty() ? null : "{\"FlowId\":\"" + i.flowId() + "\"}",
                i.wireId(), Math.max(1, i.attempt()), node == null ? null : nodeInfo(i, node, named), started, statusList(i));
    }

    /** The status, then {@code PAUSED} and {@code TERMINATED} when those flags are set. */
    static List<String> statusList(Instance i) {
        List<String> list = new ArrayList<>(List.of(i.status().name()));
        if (i.paused()) list.add("PAUSED");
        if (i.terminated()) list.add("TERMINATED");
        return list;
    }

    private NodeInfo nodeInfo(Instance i, DevObject node, Map<Long, User> named) {
        BatchTask task = objects.version(node, i.version()).map(v -> RpcJson.MAPPER.readValue(v.payload(), BatchTask.class)).orElse(null);
        NodeHolds h = holds.getIfAvailable();
        boolean held = h != null && h.held(i.tenantId(), i.projectId(), node.nodeId());
        String type = task == null ? node.subtype() : TaskType.of(task.taskType()).map(TaskType::name).orElse(node.subtype());
        return new NodeInfo(null, time.format(node.createdAt()), ref(node.createdBy(), named),
                task == null ? null : task.description(), task != null && task.nodeStatus() == 3, "DATA_PROCESS",
                true, node.inProduction(), node.nodeId(), time.format(node.modifiedAt()), ref(node.modifiedBy(), named), node.name(),
                List.of(ref(node.ownerId(), named)),
                task == null ? List.of() : List.of(PRIORITIES[Math.max(0, Math.min(9, task.priority()))]), List.of(), held,
                task == null || task.schedulePeriod() == null ? List.of() : List.of(task.schedulePeriod()), type, "SCRIPT");
    }

    private static UserRef ref(long id, Map<Long, User> named) {
        User user = named.get(id);
        return new UserRef(String.valueOf(id), user == null ? null : user.name());
    }
}
