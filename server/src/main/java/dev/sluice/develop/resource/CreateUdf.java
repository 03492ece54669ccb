package dev.sluice.develop.resource;

import java.util.List;
import java.util.Locale;

import dev.sluice.develop.tree.Category;
import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.tree.TreeKey;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;

/**
 * Creates a UDF: a class of the referenced JAR resource, filed in the project's function tree, owned by the caller,
 * its first version submitted at once. It is stored and versioned; no engine of Sluice runs it yet ({@link UdfRuns}).
 */
@Action("CreateUdf")
final class CreateUdf implements OperationHandler<CreateUdf.Request, CreateUdf.Response> {

    static final String FILE_TYPE = "udf";

    record Request(CreateCommand createCommand) {
    }

    record CreateCommand(int category, String className, String commandHelp, String comment, String computeEngineType, String description,
                         String directory, String name, long projectId, List<Long> refResourceIdList) {
    }

    record Response(long data) {
    }

    private final ResourceObjects resources;
    private final UdfChecks checks;
    private final DevFiles files;
    private final VersionedObjects objects;

    CreateUdf(ResourceObjects resources, UdfChecks checks, DevFiles files, VersionedObjects objects) {
        this.resources = resources;
        this.checks = checks;
        this.files = files;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CreateCommand c = request.createCommand();
        long tenant = caller.tenant().id();
        long user = caller.user().id();
        Project project = resources.writer(caller, c.projectId(), Category.UDF_RESOURCE);
        UdfChecks.functionName(c.name().trim(), "CreateCommand.Name");
        String className = UdfChecks.className(c.className(), "CreateCommand.ClassName");
        List<Long> refs = checks.resources(tenant, project.id(), c.refResourceIdList(), "CreateCommand.RefResourceIdList");
        TreeKey tree = TreeKey.of(tenant, project.id(), Category.UDF_RESOURCE, Env.DEV, user);
        String directory = c.directory() == null ? "/" : c.directory();
        DevFile file = files.createFile(tree, directory, c.name().trim(), FILE_TYPE, "", user, "CreateCommand.Directory", "CreateCommand.Name");
        resources.requireFreeName(null, tenant, project.id(), ResourceObjects.UDF, file.name());
        Udf draft = new Udf(file.name(), c.description(), c.category(), className, c.commandHelp(),
                c.computeEngineType().trim().toUpperCase(Locale.ROOT), refs);
        DevObject object = objects.create(tenant, project.id(), file.id(), ResourceObjects.UDF, "UDF", file.name(), user,
                ResourceObjects.json(draft), user);
        objects.submit(project, object, c.comment(), user);
        return new Response(object.id());
    }
}
