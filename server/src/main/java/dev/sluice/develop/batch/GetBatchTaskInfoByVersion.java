package dev.sluice.develop.batch;

import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** A batch task as one of its versions froze it. */
@Action("GetBatchTaskInfoByVersion")
final class GetBatchTaskInfoByVersion implements OperationHandler<GetBatchTaskInfoByVersion.Request, GetBatchTaskInfoByVersion.Response> {

    record Request(long fileId, long projectId, long versionId) {
    }

    record Response(TaskInfoView taskInfo) {
    }

    private final BatchTasks tasks;
    private final VersionedObjects objects;
    private final TaskInfos infos;

    GetBatchTaskInfoByVersion(BatchTasks tasks, VersionedObjects objects, TaskInfos infos) {
        this.tasks = tasks;
        this.objects = objects;
        this.infos = infos;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        BatchTasks.Readable found = tasks.readable(caller, request.projectId(), request.fileId());
        if (request.versionId() > Integer.MAX_VALUE) throw PopErrors.notFound("version", request.versionId()).exception();
        ObjectVersion version = objects.version(found.object(), (int) request.versionId())
                .orElseThrow(() -> PopErrors.notFound("version", request.versionId()).exception());
        return new Response(infos.view(caller, found.object(), BatchTasks.read(version.payload()), false));
    }
}
