package dev.sluice.platform.datasource;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.CheckAnswer;
import dev.sluice.platform.source.CheckRights;
import dev.sluice.platform.source.Connectivity;
import dev.sluice.platform.source.SourceKind;

/** Connects with a saved data source's configuration; the check joins its history. The caller needs the right to change the source. */
@Action("CheckDataSourceConnectivityById")
final class CheckDataSourceConnectivityById implements OperationHandler<CheckDataSourceConnectivityById.Request, CheckAnswer> {

    record Request(long id) {
    }

    private final DataSources sources;
    private final DataSourceRules rules;
    private final CheckRights rights;
    private final Connectivity connectivity;

    CheckDataSourceConnectivityById(DataSources sources, DataSourceRules rules, CheckRights rights, Connectivity connectivity) {
        this.sources = sources;
        this.rules = rules;
        this.rights = rights;
        this.connectivity = connectivity;
    }

    @Override
    public CheckAnswer handle(Caller caller, Request request) {
        DataSource source = sources.require(caller.tenant().id(), request.id());
        rights.requireFullAccess(caller);
        rules.requireChange(caller, source);
        return CheckAnswer.of(connectivity.check(caller.tenant().id(), caller.user().id(), SourceKind.DATA, source.id(), sources.config(source)));
    }
}
