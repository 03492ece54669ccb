package dev.sluice.platform.compute;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.CheckAnswer;
import dev.sluice.platform.source.CheckRights;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.Connectivity;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.protocol.PopErrors;

/** Connects with a saved compute source's configuration, and records the check. The caller needs the right to change the source. */
@Action("CheckComputeSourceConnectivityById")
final class CheckComputeSourceConnectivityById implements OperationHandler<CheckComputeSourceConnectivityById.Request, CheckAnswer> {

    record Request(long id) {
    }

    private final ComputeSourceRules rules;
    private final CheckRights rights;
    private final ComputeSourceStore store;
    private final ConfigItemStore items;
    private final Connectivity connectivity;

    CheckComputeSourceConnectivityById(ComputeSourceRules rules, CheckRights rights, ComputeSourceStore store, ConfigItemStore items,
                                       Connectivity connectivity) {
        this.rules = rules;
        this.rights = rights;
        this.store = store;
        this.items = items;
        this.connectivity = connectivity;
    }

    @Override
    public CheckAnswer handle(Caller caller, Request request) {
        ComputeSource source = store.find(caller.tenant().id(), request.id())
                .orElseThrow(() -> PopErrors.notFound("compute source", request.id()).exception());
        rights.requireFullAccess(caller);
        rules.requireChange(caller, source);
        SourceConfig config = SourceConfig.stored(SourceTypes.parse(source.type(), "Id"), items.load(SourceKind.COMPUTE, source.id()));
        if (source.managed()) return CheckAnswer.of(connectivity.checkManaged(caller.tenant().id(), caller.user().id(), source.id(), config));
        return CheckAnswer.of(connectivity.check(caller.tenant().id(), caller.user().id(), SourceKind.COMPUTE, source.id(), config));
    }
}
