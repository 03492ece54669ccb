package dev.sluice.develop.resource;

import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** A resource as one of its versions froze it (1 at create, one more per update). */
@Action("GetResourceByVersion")
final class GetResourceByVersion implements OperationHandler<GetResourceByVersion.Request, GetResourceByVersion.Response> {

    record Request(String name, long projectId, long versionId) {
    }

    record Response(Views.ResourceInfo resourceInfo) {
    }

    private final ResourceObjects resources;
    private final VersionedObjects objects;
    private final Views views;

    GetResourceByVersion(ResourceObjects resources, VersionedObjects objects, Views views) {
        this.resources = resources;
        this.objects = objects;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.resourceByName(caller, request.projectId(), request.name(), "Name");
        if (request.versionId() < 1 || request.versionId() > Integer.MAX_VALUE) {
            throw PopErrors.notFound("version", request.versionId()).exception();
        }
        ObjectVersion version = objects.version(found.object(), (int) request.versionId())
                .orElseThrow(() -> PopErrors.notFound("version", request.versionId()).exception());
        return new Response(views.resource(found.object(), version));
    }
}
