package dev.sluice.operations.supplement;

import java.time.Clock;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.instance.Instances;

/**
 * The dag runs of a backfill, one per business date, oldest first: WAITING (not started: no free slot yet), RUNNING,
 * SUCCESS or FAILED, with when each started and ended and how long it took (so far, while running).
 */
@Action("GetSupplementDagrun")
final class GetSupplementDagrun implements OperationHandler<GetSupplementDagrun.Request, GetSupplementDagrun.Response> {

    record Request(String env, String supplementId) {
    }

    record Response(List<DagrunView> dagrunList) {
    }

    record DagrunView(String bizDate, String duration, Long endExecuteTime, String id, Long startExecuteTime, String status,
                      String supplementId) {
    }

    private final JobAccess access;
    private final JobStore store;
    private final Clock clock;

    GetSupplementDagrun(JobAccess access, JobStore store, Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Instances.production(request.env());
        Job job = access.readable(caller, request.supplementId(), "SupplementId", Job.SUPPLY_DATA);
        long now = clock.millis();
        return new Response(store.dagruns(job.id()).stream().map(r -> {
            String duration = r.startedAt() == null ? null : ((r.finishedAt() == null ? now : r.finishedAt()) - r.startedAt()) / 1000 + "s";
            return new DagrunView(r.bizDate(), duration, r.finishedAt(), r.wireId(), r.startedAt(), r.status(), job.wireId());
        }).toList());
    }
}
