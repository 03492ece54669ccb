package dev.sluice.develop.resource;

import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** A resource as one of its versions froze it (1 at create, one more per update). */
@Action("GetResourceByVersion")
final class GetResourceByVersion implements OperationHandler<GetResourceByVersion.Request, GetResourceByVersion.Response> {

    record Request(String name, long projectId, long versionId) {
    }

    record Response(Views.ResourceInfo resourceInfo) {
    }

    private final ResourceObjects resources;
    private final Views views;

    GetResourceByVersion(ResourceObjects resources, Views views) {
        this.resources = resources;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.resourceByName(caller, request.projectId(), request.name(), "Name");
        ObjectVersion version = resources.version(found, request.versionId());
        return new Response(views.resource(found.object(), version));
    }
}
