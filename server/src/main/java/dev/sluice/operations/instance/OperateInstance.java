package dev.sluice.operations.instance;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.NodeOperationLog;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.SqlRunner;

/**
 * Operates instances: {@code RERUN} (a finished one waits again for a new attempt), {@code TERMINATE} (the running SQL
 * is stopped on the database; a waiting one ends at once), {@code SET_SUCCESS} (a failed or waiting one counts as
 * succeeded, releasing its downstream), {@code PAUSE}/{@code RESUME} (a waiting one is held back or released). Each
 * instance answers on its own ({@code Status} SUCCESS or FAILED with the reason); every change is written to the node's
 * operation log. Unknown ids (another tenant's too) refuse the call before anything changes.
 */
@Action("OperateInstance")
final class OperateInstance implements OperationHandler<OperateInstance.Request, OperateInstance.Response> {

    record Request(String env, OperateCommand operateCommand) {
    }

    record OperateCommand(List<InstanceRef> instanceIdList, String operation, Long projectId) {
    }

    record InstanceRef(List<String> fieldInstanceIdList, String id) {
    }

    record Response(List<Outcome> instanceStatusList) {
    }

    record Outcome(String displayName, String errorMessage, String id, String name, String ownerId, String ownerName, String status) {
    }

    private final InstanceAccess access;
    private final Instances instances;
    private final InstanceStore store;
    private final SqlRunner runner;
    private final ObjectProvider<NodeOperationLog> operationLog;
    private final dev.sluice.develop.version.VersionedObjects objects;
    private final Clock clock;

    OperateInstance(InstanceAccess access, Instances instances, InstanceStore store, SqlRunner runner,
                    ObjectProvider<NodeOperationLog> operationLog, dev.sluice.develop.version.VersionedObjects objects, Clock clock) {
        this.access = access;
        this.instances = instances;
        this.store = store;
        this.runner = runner;
        this.operationLog = operationLog;
        this.objects = objects;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        OperateCommand command = request.operateCommand();
        if (command == null || command.projectId() == null) throw PopErrors.missingParameter("OperateCommand.ProjectId").exception();
        if (command.operation() == null || command.operation().isBlank()) throw PopErrors.missingParameter("OperateCommand.Operation").exception();
        if (command.instanceIdList() == null || command.instanceIdList().isEmpty()) {
            throw PopErrors.missingParameter("OperateCommand.InstanceIdList").exception();
        }
        String operation = command.operation().trim().toUpperCase(Locale.ROOT);
        if (!List.of("RERUN", "PAUSE", "RESUME", "TERMINATE", "SET_SUCCESS").contains(operation)) {
            throw PopErrors.invalidParameter("OperateCommand.Operation", "expected RERUN, PAUSE, RESUME, TERMINATE or SET_SUCCESS").exception();
        }
        access.operator(caller, command.projectId());
        List<Instance> targets = new ArrayList<>();
        for (int i = 0; i < command.instanceIdList().size(); i++) {
            InstanceRef ref = command.instanceIdList().get(i);
            String path = "OperateCommand.InstanceIdList[" + i + "].Id";
            Instance found = instances.require(caller, command.projectId(), ref == null ? null : ref.id(), path);
            targets.add(store.lock(caller.tenant().id(), found.id()).orElseThrow());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Instance instance : targets) {
            String refusal = apply(operation, instance);
            if (refusal == null) {
                NodeOperationLog log = operationLog.getIfAvailable();
                if (log != null) {
                    log.record(instance.tenantId(), instance.projectId(), instance.nodeId(), caller.user().id(), operation,
                            "instance " + instance.wireId() + ", business date " + instance.bizDate());
                }
            }
            String name = objects.find(instance.tenantId(), instance.objectId()).map(o -> o.name()).orElse(null);
            String owner = objects.find(instance.tenantId(), instance.objectId()).map(o -> String.valueOf(o.ownerId())).orElse(null);
            outcomes.add(new Outcome(name, refusal, instance.wireId(), name, owner, null, refusal == null ? "SUCCESS" : "FAILED"));
        }
        return new Response(outcomes);
    }

    /** Applies the operation to one locked instance; the reason when its state does not allow it, null when done. */
    private String apply(String operation, Instance instance) {
        long now = clock.millis();
        InstanceStatus status = instance.status();
        switch (operation) {
            case "RERUN" -> {
                if (!status.isFinal()) return "only a finished (SUCCESS or FAILED) instance reruns; it is " + status;
                store.rewait(instance.id(), status);
            }
            case "TERMINATE" -> {
                if (status.isFinal()) return "the instance is already finished (" + status + ")";
                if (instance.runId() != null && status != InstanceStatus.WAIT_SCHEDULE) {
                    store.markTerminated(instance.id());
                    runner.find(instance.tenantId(), instance.runId()).ifPresent(runner::stop);
                } else {
                    store.startAttempt(instance, InstanceStatus.RUNNING, null, "operator", now);
                    store.move(instance.id(), InstanceStatus.RUNNING, null, InstanceStatus.FAILED, now, "terminated before it started");
                    store.markTerminated(instance.id()); // after the attempt, which starts unterminated
                }
            }
            case "SET_SUCCESS" -> {
                if (status != InstanceStatus.FAILED && status != InstanceStatus.WAIT_SCHEDULE) {
                    return "only a failed or waiting instance is set successful; it is " + status;
                }
                if (status == InstanceStatus.WAIT_SCHEDULE) {
                    store.startAttempt(instance, InstanceStatus.RUNNING, null, "operator", now);
                    store.move(instance.id(), InstanceStatus.RUNNING, null, InstanceStatus.SUCCESS, now, "set successful by an operator");
                } else {
                    store.move(instance.id(), InstanceStatus.FAILED, null, InstanceStatus.SUCCESS, now, "set successful by an operator");
                }
            }
            case "PAUSE" -> {
                if (status != InstanceStatus.WAIT_SCHEDULE) return "only a waiting instance pauses; it is " + status;
                if (instance.paused()) return "the instance is already paused";
                store.setPaused(instance.id(), true);
            }
            case "RESUME" -> {
                if (!instance.paused()) return "the instance is not paused";
                store.setPaused(instance.id(), false);
            }
            default -> throw new IllegalStateException(operation);
        }
        return null;
    }
}
