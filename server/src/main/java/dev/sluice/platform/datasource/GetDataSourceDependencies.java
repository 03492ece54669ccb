package dev.sluice.platform.datasource;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** What uses a data source, as every {@link DataSourceDependencies} bean reports it. */
@Action("GetDataSourceDependencies")
final class GetDataSourceDependencies implements OperationHandler<GetDataSourceDependencies.Request, GetDataSourceDependencies.Response> {

    record Request(long id) {
    }

    record Response(List<DataSourceDependencies.Dependent> dependencyList) {
    }

    private final DataSources sources;

    GetDataSourceDependencies(DataSources sources) {
        this.sources = sources;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        DataSource source = sources.require(caller.tenant().id(), request.id());
        return new Response(sources.dependents(source.tenantId(), source.id()));
    }
}
