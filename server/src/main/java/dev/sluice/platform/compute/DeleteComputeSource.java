package dev.sluice.platform.compute;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Projects;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.protocol.PopErrors;

/** Deletes a compute source with its configuration; refused while a project is bound to it. */
@Action("DeleteComputeSource")
final class DeleteComputeSource implements OperationHandler<DeleteComputeSource.Request, Void> {

    record Request(long id) {
    }

    private final ComputeSourceRules rules;
    private final ComputeSourceStore store;
    private final ConfigItemStore items;
    private final Projects projects;

    DeleteComputeSource(ComputeSourceRules rules, ComputeSourceStore store, ConfigItemStore items, Projects projects) {
        this.rules = rules;
        this.store = store;
        this.items = items;
        this.projects = projects;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        long tenant = caller.tenant().id();
        ComputeSource source = store.find(tenant, request.id()).orElseThrow(() -> PopErrors.notFound("compute source", request.id()).exception());
        rules.requireChange(caller, source);
        projects.usingComputeSource(tenant, source.id()).ifPresent(p -> {
            throw PopErrors.inUse("compute source", source.name(), "project '" + p.name() + "' (" + p.id() + ") is bound to it").exception();
        });
        items.delete(SourceKind.COMPUTE, source.id());
        store.delete(tenant, source.id());
        return null;
    }
}
