package dev.sluice.develop.resource;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * Deletes a resource (its draft, versions and file; submit and publish records stay, and so do the uploaded objects
 * its versions name). Refused while a UDF uses it. One in production leaves production first (see
 * {@link ResourceObjects#delete}).
 */
@Action("DeleteResource")
final class DeleteResource implements OperationHandler<DeleteResource.Request, DeleteResource.Response> {

    record Request(String comment, long id, long projectId) {
    }

    record Response() {
    }

    private final ResourceObjects resources;

    DeleteResource(ResourceObjects resources) {
        this.resources = resources;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.writable(caller, request.projectId(), request.id(), ResourceObjects.RESOURCE);
        List<String> users = resources.udfsUsing(found.object());
        if (!users.isEmpty()) {
            throw PopErrors.inUse("resource", found.object().name(), "the UDFs " + String.join(", ", users)
                    + " use it; change or delete them first").exception();
        }
        resources.delete(caller, found, request.comment(), "Id");
        return new Response();
    }
}
