package dev.sluice.platform.datasource;

import java.time.Clock;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.KeptSecrets;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceConfigs;
import dev.sluice.platform.source.SourceKind;

/**
 * Replaces the connection configuration of a data source, checked against its type. Secret items left out keep
 * their stored value, so the items a listing showed can be sent back as they are, unless the update moves the source
 * to another host, port, database or user: then they are dropped, and {@code Message} names them.
 */
@Action("UpdateDataSourceConfig")
final class UpdateDataSourceConfig implements OperationHandler<UpdateDataSourceConfig.Request, UpdateDataSourceConfig.Response> {

    record Request(Command updateCommand) {
    }

    record Command(List<ConfigItem> configItemList, long id) {
    }

    /** {@code message} replaces the envelope's "successful" when secrets were dropped. */
    record Response(boolean data, String message) {
    }

    private final DataSources sources;
    private final DataSourceRules rules;
    private final DataSourceStore store;
    private final SourceConfigs configs;
    private final ConfigItemStore items;
    private final Clock clock;

    UpdateDataSourceConfig(DataSources sources, DataSourceRules rules, DataSourceStore store, SourceConfigs configs, ConfigItemStore items, Clock clock) {
        this.sources = sources;
        this.rules = rules;
        this.store = store;
        this.configs = configs;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Command c = request.updateCommand();
        DataSource source = sources.require(caller.tenant().id(), c.id());
        rules.requireChange(caller, source);
        SourceConfig given = configs.check(source.type(), c.configItemList(), "UpdateCommand.Id", "UpdateCommand.ConfigItemList");
        KeptSecrets kept = KeptSecrets.merge(given, items.load(SourceKind.DATA, source.id()));
        items.replace(SourceKind.DATA, source.id(), kept.config());
        store.touch(caller.tenant().id(), source.id(), clock.millis());
        return new Response(true, kept.message());
    }
}
