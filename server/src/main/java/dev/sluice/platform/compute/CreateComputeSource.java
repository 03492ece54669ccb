package dev.sluice.platform.compute;

import java.time.Clock;
import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceConfigs;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.protocol.PopErrors;

/** Creates a compute source owned by the caller; its secrets are sealed before they are stored. */
@Action("CreateComputeSource")
final class CreateComputeSource implements OperationHandler<CreateComputeSource.Request, CreateComputeSource.Response> {

    record Request(Command createCommand) {
    }

    record Command(List<ConfigItem> configList, String description, String name, String type) {
    }

    record Response(Created createResult) {
    }

    record Created(long id) {
    }

    private final ComputeSourceRules rules;
    private final ComputeSourceStore store;
    private final SourceConfigs configs;
    private final ConfigItemStore items;
    private final Clock clock;

    CreateComputeSource(ComputeSourceRules rules, ComputeSourceStore store, SourceConfigs configs, ConfigItemStore items, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.configs = configs;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        rules.requireCreate(caller);
        Command c = request.createCommand();
        String name = ComputeSourceNaming.name(c.name(), "CreateCommand.Name");
        String description = ComputeSourceNaming.description(c.description(), "CreateCommand.Description");
        SourceConfig config = configs.check(c.type(), c.configList(), "CreateCommand.Type", "CreateCommand.ConfigList");
        long tenant = caller.tenant().id();
        if (store.byName(tenant, name).isPresent()) throw PopErrors.alreadyExists("compute source", name).exception();
        long id = UniqueWrites.orRefuse(() -> store.insert(tenant, name, config.type().name(), description, caller.user().id(), clock.millis()),
                () -> PopErrors.alreadyExists("compute source", name));
        items.replace(SourceKind.COMPUTE, id, config);
        return new Response(new Created(id));
    }
}
