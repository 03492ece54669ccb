package dev.sluice.develop.tree;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Renames a directory or file of a development tree; the paths below a directory follow. */
@Action("UpdateFileName")
final class UpdateFileName implements OperationHandler<UpdateFileName.Request, Void> {

    record Request(long fileId, String name, long projectId) {
    }

    private final DevAccess access;
    private final DevFiles files;

    UpdateFileName(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        DevFile node = access.changeable(caller, request.projectId(), request.fileId());
        files.rename(node, request.name(), caller.user().id(), "Name");
        return null;
    }
}
