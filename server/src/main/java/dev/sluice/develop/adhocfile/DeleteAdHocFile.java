package dev.sluice.develop.adhocfile;

import dev.sluice.develop.tree.DevFiles;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Deletes an ad hoc query file (directories go through DeleteDirectory). */
@Action("DeleteAdHocFile")
final class DeleteAdHocFile implements OperationHandler<DeleteAdHocFile.Request, Void> {

    record Request(long fileId, long projectId) {
    }

    private final AdHocFileLookup lookup;
    private final DevFiles files;

    DeleteAdHocFile(AdHocFileLookup lookup, DevFiles files) {
        this.lookup = lookup;
        this.files = files;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        files.delete(lookup.writable(caller, request.projectId(), request.fileId()));
        return null;
    }
}
