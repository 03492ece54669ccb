package dev.sluice.develop.batch;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantUsers;

/** Builds {@link TaskInfoView}s: a task's content with its owner, its state in production and its upstream nodes named. */
@Component
class TaskInfos {

    private final VersionedObjects objects;
    private final BatchTasks tasks;
    private final TenantUsers users;

    TaskInfos(VersionedObjects objects, BatchTasks tasks, TenantUsers users) {
        this.objects = objects;
        this.tasks = tasks;
        this.users = users;
    }

    /**
     * The view of {@code task} (the draft, the production version or another version of {@code object}); {@code withOwners}
     * adds the development and O&M owners (GetBatchTaskInfo shows them, the by-version view does not).
     */
    TaskInfoView view(Caller caller, DevObject object, BatchTask task, boolean withOwners) {
        TaskGraph production = tasks.production(object.tenantId());
        Map<Long, String> userNames = new HashMap<>();
        String owner = userName(caller, object.ownerId(), userNames);
        List<TaskInfoView.UpStream> upstreams = task.upstreams().stream().map(u -> {
            Optional<Long> producer = production.producer(u.outputName());
            Optional<DevObject> source = producer.flatMap(id -> objects.find(object.tenantId(), id));
            return new TaskInfoView.UpStream(u.periodType() == null ? null : new TaskInfoView.DependPeriod(u.periodOffset(), u.periodType()),
                    u.dependStrategy(), u.fieldList(), u.nodeType(), u.periodDiff(), producer.isPresent(),
                    producer.map(DevObject::nodeId).orElse(u.sourceNodeId()), source.map(DevObject::name).orElse(null), u.outputName(),
                    source.map(s -> userName(caller, s.ownerId(), userNames)).orElse(null), u.sourceTableName());
        }).toList();
        BatchTask.CustomSchedule s = task.customSchedule();
        boolean published = object.inProduction();
        return new TaskInfoView(task.code(), task.cronExpression(),
                s == null ? null : new TaskInfoView.Schedule(s.endTime(), s.interval(), s.intervalUnit(), s.schedulePeriod(), s.startTime()),
                null, task.dataSourceCatalog(), task.dataSourceId(), task.dataSourceSchema(),
                withOwners ? String.valueOf(object.ownerId()) : null, withOwners ? owner : null, object.id(), true, task.name(),
                objects.needsPublish(object), task.description(), "openapi", object.nodeId(), task.name(), task.outputs(),
                task.nodeStatus(), String.valueOf(caller.user().id()), withOwners ? String.valueOf(object.ownerId()) : null,
                withOwners ? owner : null, owner, String.valueOf(object.ownerId()),
                task.params().stream().map(p -> new TaskInfoView.Param(p.key(), p.value())).toList(), task.nodeStatus() == 2,
                task.priority(), object.projectId(), published, task.description(), true, task.schedulePeriod(), task.scheduleType(),
                task.sparkClientVersion() == null ? null : new TaskInfoView.SparkClient(task.sparkClientVersion()),
                published ? "PUBLISHED" : object.latestVersion() > 0 ? "SUBMITTED" : "DRAFT", task.taskType(), upstreams);
    }

    private String userName(Caller caller, long userId, Map<Long, String> cache) {
        return cache.computeIfAbsent(userId, id -> Optional.ofNullable(users.byId(caller, List.of(id)).get(id))
                .map(u -> u.displayName() == null || u.displayName().isBlank() ? u.name() : u.displayName()).orElse(String.valueOf(id)));
    }
}
