package dev.sluice.develop.publish;

import java.util.List;

import dev.sluice.develop.version.PublishOutcome;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;

/**
 * Publishes up to 50 waiting submits of a project. Each is judged on its own: the answer lists those that reached
 * production; every one, failed or not, has a publish record (ListPublishRecords) with its status and reason.
 */
@Action("PublishObjectList")
final class PublishObjectList implements OperationHandler<PublishObjectList.Request, PublishObjectList.Response> {

    static final int MAX_PER_CALL = 50;

    record Request(PublishCommand publishCommand) {
    }

    record PublishCommand(String comment, long projectId, List<Long> submitIdList) {
    }

    record Response(PublishResult publishResult) {
    }

    record PublishResult(List<Long> submitIdList) {
    }

    private final PublishAccess access;
    private final VersionedObjects objects;

    PublishObjectList(PublishAccess access, VersionedObjects objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        PublishCommand command = request.publishCommand();
        List<Long> ids = command.submitIdList();
        if (ids == null || ids.isEmpty()) throw PopErrors.missingParameter("PublishCommand.SubmitIdList").exception();
        if (ids.size() > MAX_PER_CALL) {
            throw PopErrors.invalidParameter("PublishCommand.SubmitIdList", "at most " + MAX_PER_CALL + " submits per call, got "
                    + ids.size()).exception();
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null) throw PopErrors.invalidParameter("PublishCommand.SubmitIdList[" + i + "]", "a submit id is not null").exception();
        }
        Project project = access.publisher(caller, command.projectId());
        PublishOutcome outcome = objects.publish(project, ids, command.comment(), caller.user().id());
        return new Response(new PublishResult(outcome.publishedSubmitIds()));
    }
}
