package dev.sluice.develop.resource;

import java.util.List;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Changes a UDF (its name and engine stay) and submits the change as its next version. */
@Action("UpdateUdf")
final class UpdateUdf implements OperationHandler<UpdateUdf.Request, UpdateUdf.Response> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(int category, String className, String commandHelp, String comment, String description, long id, long projectId,
                         List<Long> refResourceIdList) {
    }

    record Response() {
    }

    private final ResourceObjects resources;
    private final UdfChecks checks;
    private final VersionedObjects objects;

    UpdateUdf(ResourceObjects resources, UdfChecks checks, VersionedObjects objects) {
        this.resources = resources;
        this.checks = checks;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        UpdateCommand c = request.updateCommand();
        long user = caller.user().id();
        ResourceObjects.Found found = resources.writable(caller, c.projectId(), c.id(), ResourceObjects.UDF);
        DevObject object = found.object();
        String className = UdfChecks.className(c.className(), "UpdateCommand.ClassName");
        List<Long> refs = checks.resources(object.tenantId(), object.projectId(), c.refResourceIdList(), "UpdateCommand.RefResourceIdList");
        Udf current = ResourceObjects.udf(object.draft());
        Udf edited = new Udf(current.name(), c.description(), c.category(), className, c.commandHelp(), current.computeEngineType(), refs);
        DevObject updated = objects.updateDraft(object, object.name(), object.subtype(), ResourceObjects.json(edited), user);
        objects.submit(found.project(), updated, c.comment(), user);
        return new Response();
    }
}
