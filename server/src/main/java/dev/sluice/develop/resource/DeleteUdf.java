package dev.sluice.develop.resource;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Deletes a UDF (its draft, versions and file; records stay); one in production leaves it first ({@link ResourceObjects#delete}). */
@Action("DeleteUdf")
final class DeleteUdf implements OperationHandler<DeleteUdf.Request, DeleteUdf.Response> {

    record Request(String comment, long id, long projectId) {
    }

    record Response() {
    }

    private final ResourceObjects resources;

    DeleteUdf(ResourceObjects resources) {
        this.resources = resources;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.writable(caller, request.projectId(), request.id(), ResourceObjects.UDF);
        resources.delete(caller, found, request.comment(), "Id");
        return new Response();
    }
}
