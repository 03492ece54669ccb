package dev.sluice.develop.tree;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Moves a directory (with everything below it) or a file into another directory of the same tree. */
@Action("UpdateFileDirectory")
final class UpdateFileDirectory implements OperationHandler<UpdateFileDirectory.Request, Void> {

    record Request(String directory, long fileId, long projectId) {
    }

    private final DevAccess access;
    private final DevFiles files;

    UpdateFileDirectory(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        DevFile node = access.changeable(caller, request.projectId(), request.fileId());
        files.move(node, request.directory(), caller.user().id(), "Directory");
        return null;
    }
}
