package dev.sluice.develop.resource;

import java.util.Locale;

import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.storage.StoredObject;

/**
 * Changes a resource and submits the change as its next version: a new {@code StorageAddress} (a new upload of the
 * project) is checked and its size and checksum recorded; the same address keeps what was recorded.
 */
@Action("UpdateResource")
final class UpdateResource implements OperationHandler<UpdateResource.Request, UpdateResource.Response> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(String comment, String computeEngineType, String description, long id, String name, long projectId,
                         String storageAddress) {
    }

    record Response() {
    }

    private final ResourceObjects resources;
    private final DevFiles files;
    private final VersionedObjects objects;

    UpdateResource(ResourceObjects resources, DevFiles files, VersionedObjects objects) {
        this.resources = resources;
        this.files = files;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        UpdateCommand c = request.updateCommand();
        long user = caller.user().id();
        ResourceObjects.Found found = resources.writable(caller, c.projectId(), c.id(), ResourceObjects.RESOURCE);
        DevObject object = found.object();
        Resource current = ResourceObjects.resource(object.draft());
        String address = c.storageAddress().trim();
        Resource edited;
        if (address.equals(current.storageAddress())) {
            edited = new Resource(current.name(), c.description(), current.resourceType(), engine(c), address, current.size(),
                    current.checksumAlgorithm(), current.checksum());
        } else {
            StoredObject stored = resources.uploaded(object.tenantId(), object.projectId(), address, "UpdateCommand.StorageAddress");
            edited = new Resource(current.name(), c.description(), current.resourceType(), engine(c), stored.key(), stored.size(),
                    stored.checksumAlgorithm(), stored.checksum());
        }
        DevFile file = files.require(object.tenantId(), object.projectId(), object.id(), user);
        if (!file.name().equals(c.name())) {
            file = files.rename(file, c.name(), user, "UpdateCommand.Name");
            resources.requireFreeName(object, object.tenantId(), object.projectId(), ResourceObjects.RESOURCE, file.name());
        }
        edited = new Resource(file.name(), edited.description(), edited.resourceType(), edited.computeEngineType(), edited.storageAddress(),
                edited.size(), edited.checksumAlgorithm(), edited.checksum());
        DevObject updated = objects.updateDraft(object, file.name(), object.subtype(), ResourceObjects.json(edited), user);
        objects.submit(found.project(), updated, c.comment(), user);
        return new Response();
    }

    private static String engine(UpdateCommand c) {
        return c.computeEngineType().trim().toUpperCase(Locale.ROOT);
    }
}
