package dev.sluice.develop.resource;

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
import dev.sluice.storage.StoredObject;

/**
 * Creates a resource on a file already uploaded to the project's storage (a {@code GetFileStorageCredential} key):
 * a file of the project's resource tree, owned by the caller, whose first version (with the commit remark) is
 * submitted at once, as every change of a resource is.
 */
@Action("CreateResource")
final class CreateResource implements OperationHandler<CreateResource.Request, CreateResource.Response> {

    static final String FILE_TYPE = "resource";

    record Request(CreateCommand createCommand) {
    }

    record CreateCommand(String comment, String computeEngineType, String description, String directory, String name, long projectId,
                         String resourceType, String storageAddress) {
    }

    record Response(long data) {
    }

    private final ResourceObjects resources;
    private final DevFiles files;
    private final VersionedObjects objects;

    CreateResource(ResourceObjects resources, DevFiles files, VersionedObjects objects) {
        this.resources = resources;
        this.files = files;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CreateCommand c = request.createCommand();
        long tenant = caller.tenant().id();
        long user = caller.user().id();
        Project project = resources.writer(caller, c.projectId(), Category.RESOURCE_MANAGE);
        StoredObject stored = resources.uploaded(tenant, project.id(), c.storageAddress(), "CreateCommand.StorageAddress");
        TreeKey tree = TreeKey.of(tenant, project.id(), Category.RESOURCE_MANAGE, Env.DEV, user);
        DevFile file = files.createFile(tree, c.directory(), c.name(), FILE_TYPE, "", user, "CreateCommand.Directory", "CreateCommand.Name");
        resources.requireFreeName(null, tenant, project.id(), ResourceObjects.RESOURCE, file.name());
        String type = c.resourceType().trim().toUpperCase(java.util.Locale.ROOT);
        Resource draft = new Resource(file.name(), c.description(), type, c.computeEngineType().trim().toUpperCase(java.util.Locale.ROOT),
                stored.key(), stored.size(), stored.checksumAlgorithm(), stored.checksum());
        DevObject object = objects.create(tenant, project.id(), file.id(), ResourceObjects.RESOURCE, type, file.name(), user,
                ResourceObjects.json(draft), user);
        objects.submit(project, object, c.comment(), user);
        return new Response(object.id());
    }
}
