package dev.sluice.platform.datasource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.protocol.PopErrors;

/**
 * Deletes the development twin of a production data source (mode DEV) or both (DEV_PROD), with their configuration;
 * their check history stays. Refused while anything depends on a source being deleted.
 */
@Action("DeleteDataSource")
final class DeleteDataSource implements OperationHandler<DeleteDataSource.Request, DeleteDataSource.Response> {

    record Request(Command deleteCommand) {
    }

    record Command(Mode mode, long prodDataSourceId) {
    }

    /** What goes: the development twin alone, or both twins. */
    enum Mode { DEV, DEV_PROD }

    record Response(boolean data) {
    }

    private final DataSources sources;
    private final DataSourceRules rules;
    private final DataSourceStore store;
    private final ConfigItemStore items;

    DeleteDataSource(DataSources sources, DataSourceRules rules, DataSourceStore store, ConfigItemStore items) {
        this.sources = sources;
        this.rules = rules;
        this.store = store;
        this.items = items;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Command c = request.deleteCommand();
        if (c.mode() == null) throw PopErrors.missingParameter("DeleteCommand.Mode").exception();
        long tenant = caller.tenant().id();
        DataSource prod = sources.require(tenant, c.prodDataSourceId());
        if (!prod.env().equals("PROD")) {
            throw PopErrors.invalidParameter("DeleteCommand.ProdDataSourceId", "data source " + prod.id() + " is a development source; name its production twin "
                    + prod.prodId()).exception();
        }
        var dev = store.devOf(tenant, prod.id());
        List<DataSource> doomed = new ArrayList<>();
        if (c.mode() == Mode.DEV) {
            doomed.add(dev.orElseThrow(() -> PopErrors.notFound("development data source of", prod.name()).exception()));
        } else {
            dev.ifPresent(doomed::add);
            doomed.add(prod);
        }
        for (DataSource d : doomed) {
            rules.requireChange(caller, d);
            var dependents = sources.dependents(tenant, d.id());
            if (!dependents.isEmpty()) {
                throw PopErrors.inUse("data source", d.name(), dependents.size() + " object(s) depend on it, e.g. "
                        + dependents.stream().limit(3).map(x -> x.type() + " '" + x.name() + "'").collect(Collectors.joining(", "))).exception();
            }
        }
        for (DataSource d : doomed) {
            items.delete(SourceKind.DATA, d.id());
            store.delete(tenant, d.id());
        }
        return new Response(true);
    }
}
