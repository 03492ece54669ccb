package dev.sluice.operations.instance;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * An instance with the instances it waits for ({@code UpStreamDepth} levels up) and those waiting for it
 * ({@code DownStreamDepth} levels down), each 1 by default and at most {@value #MAX_DEPTH}, 0 leaving that side out.
 * Matched as the dispatcher matches dependencies ({@link InstanceGraph}); each list is nearest first. Sluice's nodes are
 * all code nodes ({@code DATA_PROCESS}) and have no field instances.
 */
@Action("GetInstanceUpDownStream")
final class GetInstanceUpDownStream implements OperationHandler<GetInstanceUpDownStream.Request, GetInstanceUpDownStream.Response> {

    static final int MAX_DEPTH = 10;
    static final String NODE_TYPE = "DATA_PROCESS";

    record Request(Integer downStreamDepth, String env, InstanceRef instanceId, Long projectId, Integer upStreamDepth) {
    }

    record InstanceRef(List<String> fieldInstanceIdList, String id) {
    }

    record Response(DagInfo instanceDagInfo) {
    }

    record DagInfo(List<DagInstance> downInstanceList, List<DagInstance> startInstanceList, List<DagInstance> upInstanceList) {
    }

    record DagInstance(List<String> fieldInstanceIdList, String id, String name, String nodeId, String nodeType) {
    }

    private final InstanceAccess access;
    private final Instances instances;
    private final InstanceGraph graph;

    GetInstanceUpDownStream(InstanceAccess access, Instances instances, InstanceGraph graph) {
        this.access = access;
        this.instances = instances;
        this.graph = graph;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        if (request.projectId() == null) throw PopErrors.missingParameter("ProjectId").exception();
        int up = depth(request.upStreamDepth(), "UpStreamDepth");
        int down = depth(request.downStreamDepth(), "DownStreamDepth");
        if (request.instanceId() == null) throw PopErrors.missingParameter("InstanceId.Id").exception();
        access.reader(caller, request.projectId());
        Instance start = instances.require(caller, request.projectId(), request.instanceId().id(), "InstanceId.Id");

        InstanceGraph.Walk walk = graph.walk(caller.tenant().id());
        return new Response(new DagInfo(
                walk.from(start, down, false).stream().map(GetInstanceUpDownStream::dag).toList(),
                List.of(dag(walk.reached(0, start))),
                walk.from(start, up, true).stream().map(GetInstanceUpDownStream::dag).toList()));
    }

    private static int depth(Integer given, String path) {
        if (given == null) return 1;
        if (given < 0 || given > MAX_DEPTH) throw PopErrors.invalidParameter(path, "between 0 and " + MAX_DEPTH + ", got " + given).exception();
        return given;
    }

    private static DagInstance dag(InstanceGraph.Reached r) {
        return new DagInstance(List.of(), r.instance().wireId(), r.name(), r.instance().nodeId(), NODE_TYPE);
    }
}
