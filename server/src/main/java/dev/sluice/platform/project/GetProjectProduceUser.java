package dev.sluice.platform.project;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** The account production tasks of the project run as (set by the operator; the owner unless said otherwise). */
@Action("GetProjectProduceUser")
final class GetProjectProduceUser implements OperationHandler<GetProjectProduceUser.Request, GetProjectProduceUser.Response> {

    record Request(long projectId) {
    }

    record Response(UserRef user) {
    }

    record UserRef(String id) {
    }

    private final Projects projects;

    GetProjectProduceUser(Projects projects) {
        this.projects = projects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        return new Response(new UserRef(String.valueOf(projects.require(caller.tenant().id(), request.projectId()).produceUserId())));
    }
}
