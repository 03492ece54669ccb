package dev.sluice.platform.datasource;

import java.time.Clock;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.protocol.PopErrors;

/** Renames a data source and replaces its description. */
@Action("UpdateDataSourceBasicInfo")
final class UpdateDataSourceBasicInfo implements OperationHandler<UpdateDataSourceBasicInfo.Request, UpdateDataSourceBasicInfo.Response> {

    record Request(Command updateCommand) {
    }

    record Command(String description, long id, String name) {
    }

    record Response(boolean data) {
    }

    private final DataSources sources;
    private final DataSourceRules rules;
    private final DataSourceStore store;
    private final Clock clock;

    UpdateDataSourceBasicInfo(DataSources sources, DataSourceRules rules, DataSourceStore store, Clock clock) {
        this.sources = sources;
        this.rules = rules;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Command c = request.updateCommand();
        long tenant = caller.tenant().id();
        DataSource source = sources.require(tenant, c.id());
        rules.requireChange(caller, source);
        String name = DataSourceNaming.name(c.name(), "UpdateCommand.Name");
        String description = DataSourceNaming.description(c.description(), "UpdateCommand.Description");
        store.byName(tenant, name).filter(other -> other.id() != source.id()).ifPresent(other -> {
            throw PopErrors.alreadyExists("data source", name).exception();
        });
        UniqueWrites.runOrRefuse(() -> store.updateBasics(tenant, source.id(), name, description, clock.millis()),
                () -> PopErrors.alreadyExists("data source", name));
        return new Response(true);
    }
}
