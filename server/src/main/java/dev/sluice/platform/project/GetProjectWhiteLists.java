package dev.sluice.platform.project;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.ProjectInfos.WhiteList;

/** The project's whitelist in the order it was last replaced. */
@Action("GetProjectWhiteLists")
final class GetProjectWhiteLists implements OperationHandler<GetProjectWhiteLists.Request, GetProjectWhiteLists.Response> {

    record Request(long id) {
    }

    record Response(List<WhiteList> whiteLists) {
    }

    private final Projects projects;
    private final WhiteListStore store;

    GetProjectWhiteLists(Projects projects, WhiteListStore store) {
        this.projects = projects;
        this.store = store;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Project project = projects.require(caller.tenant().id(), request.id());
        return new Response(store.of(project.id()).stream().map(WhiteList::of).toList());
    }
}
