package dev.sluice.develop.resource;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** A UDF's draft (its latest change: every change is submitted as it is made). */
@Action("GetUdf")
final class GetUdf implements OperationHandler<GetUdf.Request, GetUdf.Response> {

    record Request(long id, long projectId) {
    }

    record Response(Views.UdfInfo udfInfo) {
    }

    private final ResourceObjects resources;
    private final Views views;

    GetUdf(ResourceObjects resources, Views views) {
        this.resources = resources;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ResourceObjects.Found found = resources.readable(caller, request.projectId(), request.id(), ResourceObjects.UDF);
        return new Response(views.udf(found.object(), null));
    }
}
