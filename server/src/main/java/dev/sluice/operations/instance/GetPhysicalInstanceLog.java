package dev.sluice.operations.instance;

import java.util.ArrayList;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.OperationHandler;

/** Every attempt of an instance with its log ({@link AttemptLogs}: statements, rows, elapsed time, engine errors). */
@Action("GetPhysicalInstanceLog")
final class GetPhysicalInstanceLog implements OperationHandler<GetPhysicalInstanceLog.Request, GetPhysicalInstanceLog.Response> {

    record Request(String env, String instanceId, long projectId) {
    }

    record Response(List<TaskrunLog> taskrunLogList) {
    }

    record TaskrunLog(String duration, String endTime, String logContent, String startTime, String status, String taskrunId) {
    }

    private final InstanceAccess access;
    private final Instances instances;
    private final InstanceStore store;
    private final AttemptLogs logs;
    private final DisplayTime time;

    GetPhysicalInstanceLog(InstanceAccess access, Instances instances, InstanceStore store, AttemptLogs logs, DisplayTime time) {
        this.access = access;
        this.instances = instances;
        this.store = store;
        this.logs = logs;
        this.time = time;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        access.reader(caller, request.projectId());
        Instance instance = instances.require(caller, request.projectId(), request.instanceId(), "InstanceId");
        List<TaskrunLog> taskruns = new ArrayList<>();
        for (InstanceStore.Attempt attempt : store.attempts(instance.id())) {
            String content = logs.content(caller.tenant().id(), attempt, "InstanceId");
            Long end = attempt.finishedAt();
            taskruns.add(new TaskrunLog(end == null ? null : (end - attempt.startedAt()) / 1000 + "s", end == null ? null : time.format(end),
                    content, time.format(attempt.startedAt()), attempt.status().name(),
                    "tr_" + instance.id() + "_" + attempt.attempt()));
        }
        return new Response(taskruns);
    }
}
