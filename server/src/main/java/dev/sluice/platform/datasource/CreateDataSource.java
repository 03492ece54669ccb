package dev.sluice.platform.datasource;

import java.time.Clock;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.Connectivity;
import dev.sluice.platform.source.ProbeResult;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceConfigs;
import dev.sluice.platform.source.SourceErrors;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.protocol.PopErrors;

/**
 * Creates a production data source, a production one with its development twin, or a development twin for an
 * existing production source. With {@code CheckActivity} the configuration must connect first, else nothing is created.
 */
@Action("CreateDataSource")
final class CreateDataSource implements OperationHandler<CreateDataSource.Request, CreateDataSource.Response> {

    record Request(Command createCommand) {
    }

    record Command(DevCreate devDataSourceCreate, SourceCreate prodDataSourceCreate) {
    }

    record DevCreate(SourceCreate dataSourceCreate, Long prodDataSourceId) {
    }

    record SourceCreate(Boolean checkActivity, List<ConfigItem> configItemList, String description, String name, String type) {
    }

    record Response(Created createResult) {
    }

    record Created(Long devDataSourceId, Long prodDataSourceId) {
    }

    private final DataSourceRules rules;
    private final DataSourceStore store;
    private final SourceConfigs configs;
    private final ConfigItemStore items;
    private final Connectivity connectivity;
    private final Clock clock;

    CreateDataSource(DataSourceRules rules, DataSourceStore store, SourceConfigs configs, ConfigItemStore items, Connectivity connectivity, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.configs = configs;
        this.items = items;
        this.connectivity = connectivity;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Command c = request.createCommand();
        if (c == null || (c.prodDataSourceCreate() == null && c.devDataSourceCreate() == null)) {
            throw PopErrors.missingParameter("CreateCommand.ProdDataSourceCreate").exception();
        }
        rules.requireCreate(caller);
        long tenant = caller.tenant().id();
        SourceCreate prod = c.prodDataSourceCreate();
        SourceCreate dev = c.devDataSourceCreate() == null ? null : c.devDataSourceCreate().dataSourceCreate();
        if (c.devDataSourceCreate() != null && dev == null) throw PopErrors.missingParameter("CreateCommand.DevDataSourceCreate.DataSourceCreate").exception();
        String prodPath = "CreateCommand.ProdDataSourceCreate";
        String devPath = "CreateCommand.DevDataSourceCreate.DataSourceCreate";
        DataSource existingProd = null;
        if (prod == null) {
            Long prodId = c.devDataSourceCreate().prodDataSourceId();
            if (prodId == null) throw PopErrors.missingParameter("CreateCommand.DevDataSourceCreate.ProdDataSourceId").exception();
            existingProd = store.find(tenant, prodId).filter(d -> d.env().equals("PROD"))
                    .orElseThrow(() -> PopErrors.notFound("production data source", prodId).exception());
            rules.requireChange(caller, existingProd);
            DataSource twin = existingProd;
            store.devOf(tenant, prodId).ifPresent(d -> {
                throw PopErrors.alreadyExists("development data source of '" + twin.name() + "'", d.name()).exception();
            });
        }
        SourceConfig prodConfig = prod == null ? null : checked(caller, prod, prodPath);
        SourceConfig devConfig = dev == null ? null : checked(caller, dev, devPath);
        String prodType = prod != null ? prodConfig.type().name() : existingProd.type();
        if (devConfig != null && !devConfig.type().name().equals(prodType)) {
            throw PopErrors.invalidParameter(devPath + ".Type", "the development source must have the production source's type " + prodType).exception();
        }
        if (prod != null && dev != null && prod.name().trim().equals(dev.name().trim())) {
            throw PopErrors.invalidParameter(devPath + ".Name", "the development source needs a name of its own").exception();
        }
        long now = clock.millis();
        Long prodId = prod == null ? existingProd.id() : insert(caller, "PROD", null, prod, prodConfig, prodPath, now);
        Long devId = dev == null ? null : insert(caller, "DEV", prodId, dev, devConfig, devPath, now);
        return new Response(new Created(devId, prod == null ? null : prodId));
    }

    private SourceConfig checked(Caller caller, SourceCreate create, String path) {
        SourceConfig config = configs.check(create.type(), create.configItemList(), path + ".Type", path + ".ConfigItemList");
        DataSourceNaming.name(create.name(), path + ".Name");
        DataSourceNaming.description(create.description(), path + ".Description");
        if (Boolean.TRUE.equals(create.checkActivity())) {
            ProbeResult result = connectivity.check(caller.tenant().id(), caller.user().id(), SourceKind.DATA, null, config);
            if (!result.connected()) throw SourceErrors.connectivityFailed(path, result.message()).exception();
        }
        return config;
    }

    private long insert(Caller caller, String env, Long prodId, SourceCreate create, SourceConfig config, String path, long now) {
        long tenant = caller.tenant().id();
        String name = DataSourceNaming.name(create.name(), path + ".Name");
        if (store.byName(tenant, name).isPresent()) throw PopErrors.alreadyExists("data source", name).exception();
        long id = UniqueWrites.orRefuse(() -> store.insert(tenant, env, prodId, name, config.type().name(), create.description(), caller.user().id(), now),
                () -> PopErrors.alreadyExists("data source", name));
        items.replace(SourceKind.DATA, id, config);
        return id;
    }
}
