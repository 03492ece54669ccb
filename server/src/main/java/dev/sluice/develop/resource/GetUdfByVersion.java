package dev.sluice.develop.resource;

import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** A UDF as one of its versions froze it. */
@Action("GetUdfByVersion")
final class GetUdfByVersion implements OperationHandler<GetUdfByVersion.Request, GetUdfByVersion.Response> {

    record Request(long id, long projectId, long versionId) {
    }

    record Response(Views.UdfInfo udfInfo) {
    }

    private final ResourceObjects resources;
    private final Views views;

    GetUdfByVersion(ResourceObjects resources, Views views) {
        this.resources = resources;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.readable(caller, request.projectId(), request.id(), ResourceObjects.UDF);
        ObjectVersion version = resources.version(found, request.versionId());
        return new Response(views.udf(found.object(), version));
    }
}
