package dev.sluice.platform.compute;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/** One compute source by id, with the project bound to it. Its configuration is not part of the answer. */
@Action("GetComputeSource")
final class GetComputeSource implements OperationHandler<GetComputeSource.Request, GetComputeSource.Response> {

    record Request(long id) {
    }

    record Response(ComputeSourceViews.View computeSourceInfo) {
    }

    private final ComputeSourceStore store;
    private final ComputeSourceViews views;

    GetComputeSource(ComputeSourceStore store, ComputeSourceViews views) {
        this.store = store;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ComputeSource source = store.find(caller.tenant().id(), request.id())
                .orElseThrow(() -> PopErrors.notFound("compute source", request.id()).exception());
        return new Response(views.of(caller, List.of(source), true).getFirst());
    }
}
