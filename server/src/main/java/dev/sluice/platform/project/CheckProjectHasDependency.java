package dev.sluice.platform.project;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Whether anything still depends on the project: every {@link ProjectDependencies} bean is asked. */
@Action("CheckProjectHasDependency")
final class CheckProjectHasDependency implements OperationHandler<CheckProjectHasDependency.Request, CheckProjectHasDependency.Response> {

    record Request(long id) {
    }

    record Response(boolean data) {
    }

    private final Projects projects;
    private final List<ProjectDependencies> dependencies;

    CheckProjectHasDependency(Projects projects, List<ProjectDependencies> dependencies) {
        this.projects = projects;
        this.dependencies = dependencies;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Project project = projects.require(caller.tenant().id(), request.id());
        return new Response(dependencies.stream().anyMatch(d -> !d.of(project.tenantId(), project.id()).isEmpty()));
    }
}
