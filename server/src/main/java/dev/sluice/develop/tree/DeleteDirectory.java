package dev.sluice.develop.tree;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** Deletes a directory of a development tree, only when it holds nothing. */
@Action("DeleteDirectory")
final class DeleteDirectory implements OperationHandler<DeleteDirectory.Request, Void> {

    record Request(long fileId, long projectId) {
    }

    private final DevAccess access;
    private final DevFiles files;

    DeleteDirectory(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        DevFile node = access.changeable(caller, request.projectId(), request.fileId());
        if (!node.isDirectory()) {
            throw PopErrors.invalidParameter("FileId", "'" + node.path() + "' is a file, not a directory").exception();
        }
        files.delete(node);
        return null;
    }
}
