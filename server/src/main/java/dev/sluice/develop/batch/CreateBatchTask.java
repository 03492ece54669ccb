package dev.sluice.develop.batch;

import java.util.List;

import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.tree.TreeKey;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/** Creates a batch task: a file of the project's code task tree with an empty draft; the caller owns it. */
@Action("CreateBatchTask")
final class CreateBatchTask implements OperationHandler<CreateBatchTask.Request, CreateBatchTask.Response> {

    static final String FILE_TYPE = "batchTask";

    record Request(CreateCommand createCommand) {
    }

    record CreateCommand(String dataSourceCatalog, String dataSourceId, String dataSourceSchema, String description, String directory,
                         String engine, String name, long projectId, List<String> pythonModuleList, Integer scheduleType,
                         Integer taskType) {
    }

    record Response(CreateResult createResult) {
    }

    record CreateResult(long fileId) {
    }

    private final DevAccess access;
    private final DevFiles files;
    private final VersionedObjects objects;

    CreateBatchTask(DevAccess access, DevFiles files, VersionedObjects objects) {
        this.access = access;
        this.files = files;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CreateCommand command = request.createCommand();
        access.writer(caller, command.projectId(), Category.CODE_MANAGE);
        TaskType type = TaskType.parse(command.taskType(), "CreateCommand.TaskType");
        if (command.scheduleType() == null) throw PopErrors.missingParameter("CreateCommand.ScheduleType").exception();
        if (command.scheduleType() != BatchTask.PERIODIC && command.scheduleType() != BatchTask.MANUAL) {
            throw PopErrors.invalidParameter("CreateCommand.ScheduleType", "1 (periodic) or 3 (manual), got " + command.scheduleType())
                    .exception();
        }
        long user = caller.user().id();
        TreeKey tree = TreeKey.of(caller.tenant().id(), command.projectId(), Category.CODE_MANAGE, Env.DEV, user);
        DevFile file = files.createFile(tree, command.directory(), command.name(), FILE_TYPE, "", user,
                "CreateCommand.Directory", "CreateCommand.Name");
        BatchTask draft = new BatchTask(file.name(), command.description(), type.code(), command.scheduleType(), "", null, null,
                blankToNull(command.dataSourceId()), blankToNull(command.dataSourceCatalog()), blankToNull(command.dataSourceSchema()),
                blankToNull(command.engine()), 1, List.of(), List.of(), 1, command.pythonModuleList(), null, null, List.of(), List.of());
        objects.create(caller.tenant().id(), command.projectId(), file.id(), BatchTasks.KIND, type.objectType(), file.name(), user,
                BatchTasks.json(draft), user);
        return new Response(new CreateResult(file.id()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
