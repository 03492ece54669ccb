package dev.sluice.develop.adhocfile;

import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.tree.TreeKey;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;

/** Creates an ad hoc query file in the caller's own ad hoc tree of a project, in a directory that exists. */
@Action("CreateAdHocFile")
final class CreateAdHocFile implements OperationHandler<CreateAdHocFile.Request, CreateAdHocFile.Response> {

    record Request(CreateCommand createCommand) {
    }

    record CreateCommand(String content, String directory, String name, long projectId) {
    }

    record Response(long fileId) {
    }

    private final DevAccess access;
    private final DevFiles files;

    CreateAdHocFile(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CreateCommand command = request.createCommand();
        access.writer(caller, command.projectId(), Category.TEMP_CODE);
        TreeKey tree = TreeKey.of(caller.tenant().id(), command.projectId(), Category.TEMP_CODE, Env.DEV, caller.user().id());
        return new Response(files.createFile(tree, command.directory(), command.name(), AdHocFileLookup.FILE_TYPE, command.content(),
                caller.user().id(), "CreateCommand.Directory", "CreateCommand.Name").id());
    }
}
