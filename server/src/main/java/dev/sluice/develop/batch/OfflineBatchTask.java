package dev.sluice.develop.batch;

import dev.sluice.develop.version.SubmitRecord;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/**
 * Takes a published task out of production: a DELETE change, published at once in a BASIC project; refused while
 * tasks in production depend on its outputs (named).
 */
@Action("OfflineBatchTask")
final class OfflineBatchTask implements OperationHandler<OfflineBatchTask.Request, OfflineBatchTask.Response> {

    record Request(String comment, long fileId, long projectId) {
    }

    record Response(OfflineResult offlineResult) {
    }

    record OfflineResult(long publishObjectId) {
    }

    private final BatchTasks tasks;
    private final VersionedObjects objects;

    OfflineBatchTask(BatchTasks tasks, VersionedObjects objects) {
        this.tasks = tasks;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        BatchTasks.Readable found = tasks.writable(caller, request.projectId(), request.fileId());
        tasks.requireSubmitter(caller, found.project(), found.object());
        tasks.checkOffline(caller.tenant().id(), found.object());
        SubmitRecord submit = objects.offline(found.project(), found.object(), request.comment(), caller.user().id(), "FileId");
        return new Response(new OfflineResult(submit.id()));
    }
}
