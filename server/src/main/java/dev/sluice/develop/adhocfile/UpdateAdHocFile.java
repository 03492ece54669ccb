package dev.sluice.develop.adhocfile;

import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Replaces the SQL of an ad hoc query file. */
@Action("UpdateAdHocFile")
final class UpdateAdHocFile implements OperationHandler<UpdateAdHocFile.Request, Void> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(String content, long fileId, long projectId) {
    }

    private final AdHocFileLookup lookup;
    private final DevFiles files;

    UpdateAdHocFile(AdHocFileLookup lookup, DevFiles files) {
        this.lookup = lookup;
        this.files = files;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        UpdateCommand command = request.updateCommand();
        DevFile file = lookup.writable(caller, command.projectId(), command.fileId());
        files.updateContent(file, command.content(), caller.user().id());
        return null;
    }
}
