package dev.sluice.platform.datasource;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.Connectivity;
import dev.sluice.platform.source.SourceKind;

/**
 * The recorded connectivity checks of one data source, newest first. Sluice checks from the application server
 * itself, so every job has the type {@code application} and no underlying task id.
 */
@Action("GetCheckConnectivityJobs")
final class GetCheckConnectivityJobs implements OperationHandler<GetCheckConnectivityJobs.Request, GetCheckConnectivityJobs.Response> {

    record Request(long dataSourceId) {
    }

    record Response(List<Job> data) {
    }

    record Job(String jobId, String dataSourceId, String tenantId, String jobType, String status, String errorMsg, String voldemortTaskId) {
    }

    private final DataSources sources;
    private final Connectivity connectivity;

    GetCheckConnectivityJobs(DataSources sources, Connectivity connectivity) {
        this.sources = sources;
        this.connectivity = connectivity;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        DataSource source = sources.require(caller.tenant().id(), request.dataSourceId());
        return new Response(connectivity.history(caller.tenant().id(), SourceKind.DATA, source.id()).stream()
                .map(j -> new Job(String.valueOf(j.id()), String.valueOf(j.sourceId()), String.valueOf(j.tenantId()), "application",
                        j.succeeded() ? "SUCCESS" : "FAILED", j.errorMsg(), null))
                .toList());
    }
}
