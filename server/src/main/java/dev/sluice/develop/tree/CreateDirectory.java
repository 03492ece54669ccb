package dev.sluice.develop.tree;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;

/** Creates a directory in a development tree of a project, under a directory that exists. */
@Action("CreateDirectory")
final class CreateDirectory implements OperationHandler<CreateDirectory.Request, CreateDirectory.Response> {

    record Request(CreateCommand createCommand) {
    }

    record CreateCommand(String category, String directory, String name, long projectId) {
    }

    record Response(long fileId) {
    }

    private final DevAccess access;
    private final DevFiles files;

    CreateDirectory(DevAccess access, DevFiles files) {
        this.access = access;
        this.files = files;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CreateCommand command = request.createCommand();
        Category category = Category.parse(command.category(), "CreateCommand.Category");
        access.writer(caller, command.projectId(), category);
        TreeKey tree = TreeKey.of(caller.tenant().id(), command.projectId(), category, Env.DEV, caller.user().id());
        DevFile created = files.createDirectory(tree, command.directory(), command.name(), caller.user().id(),
                "CreateCommand.Directory", "CreateCommand.Name");
        return new Response(created.id());
    }
}
