package dev.sluice.develop.batch;

import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * Deletes a batch task from development (its draft, versions and file; submit and publish records stay). A task in
 * production goes offline first, so nothing scheduled loses its definition.
 */
@Action("DeleteBatchTask")
final class DeleteBatchTask implements OperationHandler<DeleteBatchTask.Request, DeleteBatchTask.Response> {

    record Request(DeleteCommand deleteCommand) {
    }

    record DeleteCommand(String comment, long fileId, long projectId) {
    }

    record Response() {
    }

    private final BatchTasks tasks;
    private final VersionedObjects objects;
    private final DevFiles files;

    DeleteBatchTask(BatchTasks tasks, VersionedObjects objects, DevFiles files) {
        this.tasks = tasks;
        this.objects = objects;
        this.files = files;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        DeleteCommand c = request.deleteCommand();
        BatchTasks.Readable found = tasks.writable(caller, c.projectId(), c.fileId());
        tasks.requireSubmitter(caller, found.project(), found.object());
        if (found.object().inProduction()) {
            throw PopErrors.inUse("batch task", found.object().name(), "it is in production; take it offline first (OfflineBatchTask)")
                    .exception();
        }
        var file = files.require(caller.tenant().id(), c.projectId(), c.fileId(), caller.user().id());
        objects.delete(found.object());
        files.delete(file);
        return new Response();
    }
}
