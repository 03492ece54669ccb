package dev.sluice.platform.project;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.ProjectInfos.ProjectInfo;
import dev.sluice.protocol.PopErrors;

/** One project by its exact (case-sensitive) name, as its production environment shows it. */
@Action("GetProjectByName")
final class GetProjectByName implements OperationHandler<GetProjectByName.Request, GetProjectByName.Response> {

    record Request(String name) {
    }

    record Response(ProjectInfo projectInfo) {
    }

    private final Projects projects;
    private final ProjectInfos infos;

    GetProjectByName(Projects projects, ProjectInfos infos) {
        this.projects = projects;
        this.infos = infos;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Project project = projects.byName(caller.tenant().id(), request.name().trim())
                .orElseThrow(() -> PopErrors.notFound("project", request.name()).exception());
        return new Response(infos.of(caller, project, Env.PROD, false));
    }
}
