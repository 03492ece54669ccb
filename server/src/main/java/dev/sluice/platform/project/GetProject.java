package dev.sluice.platform.project;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.ProjectInfos.ProjectInfo;

/** One project by id, as seen from one environment (production unless {@code Env} says DEV). */
@Action("GetProject")
final class GetProject implements OperationHandler<GetProject.Request, GetProject.Response> {

    record Request(long id, Env env) {
    }

    record Response(ProjectInfo projectInfo) {
    }

    private final Projects projects;
    private final ProjectInfos infos;

    GetProject(Projects projects, ProjectInfos infos) {
        this.projects = projects;
        this.infos = infos;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = request.env() == null ? Env.PROD : request.env();
        Project project = projects.require(caller.tenant().id(), request.id());
        return new Response(infos.of(caller, project, env, true));
    }
}
