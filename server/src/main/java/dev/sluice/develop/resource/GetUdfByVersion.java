package dev.sluice.develop.resource;

import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** A UDF as one of its versions froze it. */
@Action("GetUdfByVersion")
final class GetUdfByVersion implements OperationHandler<GetUdfByVersion.Request, GetUdfByVersion.Response> {

    record Request(long id, long projectId, long versionId) {
    }

    record Response(Views.UdfInfo udfInfo) {
    }

    private final ResourceObjects resources;
    private final VersionedObjects objects;
    private final Views views;

    GetUdfByVersion(ResourceObjects resources, VersionedObjects objects, Views views) {
        this.resources = resources;
        this.objects = objects;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.readable(caller, request.projectId(), request.id(), ResourceObjects.UDF);
        if (request.versionId() < 1 || request.versionId() > Integer.MAX_VALUE) {
            throw PopErrors.notFound("version", request.versionId()).exception();
        }
        ObjectVersion version = objects.version(found.object(), (int) request.versionId())
                .orElseThrow(() -> PopErrors.notFound("version", request.versionId()).exception());
        return new Response(views.udf(found.object(), version));
    }
}
