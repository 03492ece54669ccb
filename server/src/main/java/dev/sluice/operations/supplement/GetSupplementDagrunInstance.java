package dev.sluice.operations.supplement;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.instance.InstanceViews;
import dev.sluice.operations.instance.Instances;
import dev.sluice.protocol.PopErrors;

/**
 * The instances of one dag run (one business date of a backfill), by node, as {@code ListInstances} shows them, typed
 * SUPPLEMENT. A dag run still waiting for a slot has none yet.
 */
@Action("GetSupplementDagrunInstance")
final class GetSupplementDagrunInstance implements OperationHandler<GetSupplementDagrunInstance.Request, GetSupplementDagrunInstance.Response> {

    record Request(String dagrunId, String env) {
    }

    record Response(List<DagrunInstance> instanceList) {
    }

    record DagrunInstance(String bizDate, String dueTime, String duration, Long endExecuteTime, String extendInfo, String id, Integer index,
                          InstanceViews.NodeInfo nodeInfo, Long startExecuteTime, List<String> statusList, String type) {
    }

    private final JobAccess access;
    private final JobStore store;
    private final Instances instances;

    GetSupplementDagrunInstance(JobAccess access, JobStore store, Instances instances) {
        this.access = access;
        this.store = store;
        this.instances = instances;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Instances.production(request.env());
        if (request.dagrunId() == null || request.dagrunId().isBlank()) throw PopErrors.missingParameter("DagrunId").exception();
        long[] ids = Dagrun.parseId(request.dagrunId());
        if (ids == null) {
            throw PopErrors.invalidParameter("DagrunId", "'" + PopErrors.excerpt(request.dagrunId()) + "' is not a dag run id (dr_<number>_<number>)")
                    .exception();
        }
        Dagrun run = store.dagrun(caller.tenant().id(), ids[0], ids[1])
                .orElseThrow(() -> PopErrors.notFound("dag run", request.dagrunId().trim()).exception());
        access.readable(caller, "f_" + run.jobId(), "DagrunId", Job.SUPPLY_DATA);
        return new Response(instances.views(caller, instances.inFlow(caller.tenant().id(), run.wireId())).stream()
                .map(v -> new DagrunInstance(v.bizDate(), v.dueTime(), v.duration(), v.endExecuteTime(), v.extendInfo(), v.id(), v.index(),
                        v.nodeInfo(), v.startExecuteTime(), v.statusList(), "SUPPLEMENT")).toList());
    }
}
