package dev.sluice.operations.instance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.NodeOperationLog;
import dev.sluice.protocol.PopErrors;

/**
 * Runs a published node now, outside its schedule: one instance per business date from {@code StartBizDate} to
 * {@code EndBizDate} (at most {@value #MAX_DAYS}), all in a new flow whose id is answered, with the given parameters
 * on top of the node's. They start at the next scheduler poll, a slot of the source permitting, oldest date first.
 */
@Action("ExecuteManualNode")
final class ExecuteManualNode implements OperationHandler<ExecuteManualNode.Request, ExecuteManualNode.Response> {

    static final int MAX_DAYS = 366;

    record Request(String env, ExecuteCommand executeCommand) {
    }

    record ExecuteCommand(String endBizDate, String flowName, String nodeId, List<Param> paramList, Long projectId, String startBizDate) {
    }

    record Param(String key, String value) {
    }

    record Response(String flowId) {
    }

    private final InstanceAccess access;
    private final VersionedObjects objects;
    private final InstanceStore store;
    private final ObjectProvider<NodeOperationLog> operationLog;
    private final Clock clock;

    ExecuteManualNode(InstanceAccess access, VersionedObjects objects, InstanceStore store, ObjectProvider<NodeOperationLog> operationLog,
                      Clock clock) {
        this.access = access;
        this.objects = objects;
        this.store = store;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        ExecuteCommand c = request.executeCommand();
        if (c == null || c.projectId() == null) throw PopErrors.missingParameter("ExecuteCommand.ProjectId").exception();
        if (c.nodeId() == null || c.nodeId().isBlank()) throw PopErrors.missingParameter("ExecuteCommand.NodeId").exception();
        if (c.startBizDate() == null || c.startBizDate().isBlank()) throw PopErrors.missingParameter("ExecuteCommand.StartBizDate").exception();
        if (c.endBizDate() == null || c.endBizDate().isBlank()) throw PopErrors.missingParameter("ExecuteCommand.EndBizDate").exception();
        LocalDate start = LocalDate.parse(ListInstances.date(c.startBizDate(), "ExecuteCommand.StartBizDate"));
        LocalDate end = LocalDate.parse(ListInstances.date(c.endBizDate(), "ExecuteCommand.EndBizDate"));
        if (end.isBefore(start)) throw PopErrors.invalidParameter("ExecuteCommand.EndBizDate", "the range ends before it starts").exception();
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw PopErrors.invalidParameter("ExecuteCommand.EndBizDate", "at most " + MAX_DAYS + " business dates run at once").exception();
        }
        long objectId = ListInstances.nodeObject(c.nodeId().trim(), "ExecuteCommand.NodeId");
        Map<String, String> params = new LinkedHashMap<>();
        if (c.paramList() != null) {
            for (int i = 0; i < c.paramList().size(); i++) {
                Param p = c.paramList().get(i);
                if (p == null || p.key() == null || p.key().isBlank()) throw PopErrors.missingParameter("ExecuteCommand.ParamList[" + i + "].Key").exception();
                params.put(p.key().trim(), p.value() == null ? "" : p.value());
            }
        }
        access.operator(caller, c.projectId());
        DevObject node = objects.find(caller.tenant().id(), c.projectId(), objectId, InstanceGenerator.KIND)
                .filter(DevObject::inProduction)
                .orElseThrow(() -> PopErrors.notFound("node", c.nodeId()).exception());
        ObjectVersion version = objects.production(node).orElseThrow(() -> PopErrors.notFound("node", c.nodeId()).exception());
        long now = clock.millis();
        String flowId = "f_" + objectId + "_" + now;
        for (LocalDate day = start; !day.isAfter(end); day = day.plusDays(1)) {
            store.insertIfAbsent(node.tenantId(), node.projectId(), node.id(), version.version(), flowId, now, day.toString(),
                    ManualRuns.writeParams(params), now);
        }
        NodeOperationLog log = operationLog.getIfAvailable();
        if (log != null) log.record(node.tenantId(), node.projectId(), node.nodeId(), caller.user().id(), "RUN_MANUALLY",
                "flow " + flowId + ", business dates " + start + " to " + end);
        return new Response(flowId);
    }
}
