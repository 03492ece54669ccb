package dev.sluice.develop.resource;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** A resource's draft (the latest change: every change of a resource is submitted as it is made), by its name. */
@Action("GetResource")
final class GetResource implements OperationHandler<GetResource.Request, GetResource.Response> {

    record Request(String name, long projectId) {
    }

    record Response(Views.ResourceInfo resourceInfo) {
    }

    private final ResourceObjects resources;
    private final Views views;

    GetResource(ResourceObjects resources, Views views) {
        this.resources = resources;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.resourceByName(caller, request.projectId(), request.name(), "Name");
        return new Response(views.resource(found.object(), null));
    }
}
