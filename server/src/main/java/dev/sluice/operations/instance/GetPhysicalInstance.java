package dev.sluice.operations.instance;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** One instance of a published node: its business date, due time, run times, status flags and the node. */
@Action("GetPhysicalInstance")
final class GetPhysicalInstance implements OperationHandler<GetPhysicalInstance.Request, GetPhysicalInstance.Response> {

    record Request(String env, String instanceId, long projectId) {
    }

    record Response(InstanceViews.InstanceView instance) {
    }

    private final InstanceAccess access;
    private final Instances instances;
    private final InstanceViews views;

    GetPhysicalInstance(InstanceAccess access, Instances instances, InstanceViews views) {
        this.access = access;
        this.instances = instances;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        access.reader(caller, request.projectId());
        Instance instance = instances.require(caller, request.projectId(), request.instanceId(), "InstanceId");
        return new Response(views.view(caller, instance));
    }
}
