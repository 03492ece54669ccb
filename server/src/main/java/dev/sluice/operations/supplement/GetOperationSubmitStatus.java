package dev.sluice.operations.supplement;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.instance.Instance;
import dev.sluice.operations.instance.InstanceStatus;
import dev.sluice.operations.instance.Instances;

/**
 * Where a submitted job stands: RUNNING, SUCCESS or FAILED, and its progress in percent, for a backfill the share of its
 * business dates that have ended, for a data fix the share of its rerun instances that have. {@code Operation} is
 * SUPPLY_DATA for a backfill (whose {@code ExternalBizId} is its supplement id) or FIX_DATA for a fix (whose
 * {@code ExternalBizId} is its root instance). The job id is the {@code SubmitId} either answered.
 */
@Action("GetOperationSubmitStatus")
final class GetOperationSubmitStatus implements OperationHandler<GetOperationSubmitStatus.Request, GetOperationSubmitStatus.Response> {

    record Request(String env, String jobId) {
    }

    record Response(OperationSubmitJob operationSubmitJob) {
    }

    record OperationSubmitJob(String externalBizId, String jobId, String operation, String operationStatus, String operator, String progress) {
    }

    private final JobAccess access;
    private final JobStore store;
    private final Instances instances;

    GetOperationSubmitStatus(JobAccess access, JobStore store, Instances instances) {
        this.access = access;
        this.store = store;
        this.instances = instances;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Instances.production(request.env());
        Job job = access.readable(caller, request.jobId(), "JobId", null);
        int done;
        int total;
        if (job.kind().equals(Job.SUPPLY_DATA)) {
            List<Dagrun> runs = store.dagruns(job.id());
            total = runs.size();
            done = (int) runs.stream().filter(r -> r.status().equals("SUCCESS") || r.status().equals("FAILED")).count();
        } else {
            List<Long> ids = store.instances(job.id());
            total = ids.size();
            done = (int) ids.stream().map(id -> instances.find(job.tenantId(), id)).filter(i -> i.map(Instance::status)
                    .map(InstanceStatus::isFinal).orElse(true)).count();
        }
        // a job ends on the next poll after its last part did; until then it reads 99 at most, never 100 while RUNNING
        int percent = job.finished() || total == 0 ? 100 : Math.min(99, done * 100 / total);
        String external = job.kind().equals(Job.SUPPLY_DATA) ? job.wireId() : job.rootRef();
        return new Response(new OperationSubmitJob(external, job.wireId(), job.kind(), job.status(), String.valueOf(job.operatorId()),
                String.valueOf(percent)));
    }
}
