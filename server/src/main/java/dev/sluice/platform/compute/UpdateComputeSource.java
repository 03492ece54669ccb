package dev.sluice.platform.compute;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.KeptSecrets;
import dev.sluice.platform.source.SourceConfig;
import dev.sluice.platform.source.SourceConfigs;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.protocol.PopErrors;

/**
 * Replaces name, description and configuration of a compute source. Secret items left out keep their stored value,
 * so the items a caller was shown can be sent back as they are, unless the update moves the source to another host,
 * port, database or user: then they are dropped, and {@code Message} names them. The type cannot change.
 */
@Action("UpdateComputeSource")
final class UpdateComputeSource implements OperationHandler<UpdateComputeSource.Request, UpdateComputeSource.Response> {

    record Request(Command updateCommand) {
    }

    record Command(List<ConfigItem> configList, String description, long id, String name, String type) {
    }

    /** The contract answers no data; {@code message} replaces the envelope's "successful" when secrets were dropped. */
    record Response(String message) {
    }

    private final ComputeSourceRules rules;
    private final ComputeSourceStore store;
    private final SourceConfigs configs;
    private final ConfigItemStore items;
    private final Clock clock;

    UpdateComputeSource(ComputeSourceRules rules, ComputeSourceStore store, SourceConfigs configs, ConfigItemStore items, Clock clock) {
        this.rules = rules;
        this.store = store;
        this.configs = configs;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Command c = request.updateCommand();
        long tenant = caller.tenant().id();
        ComputeSource source = store.find(tenant, c.id()).orElseThrow(() -> PopErrors.notFound("compute source", c.id()).exception());
        rules.requireChange(caller, source);
        String name = ComputeSourceNaming.name(c.name(), "UpdateCommand.Name");
        String description = ComputeSourceNaming.description(c.description(), "UpdateCommand.Description");
        if (source.managed()) return renameManaged(source, c, name, description);
        SourceConfig config = configs.check(c.type(), c.configList(), "UpdateCommand.Type", "UpdateCommand.ConfigList");
        if (!config.type().name().equals(source.type())) {
            throw PopErrors.invalidParameter("UpdateCommand.Type", "the type of compute source '" + source.name() + "' is "
                    + source.type() + " and cannot change; create a new compute source instead").exception();
        }
        store.byName(tenant, name).filter(other -> other.id() != source.id()).ifPresent(other -> {
            throw PopErrors.alreadyExists("compute source", name).exception();
        });
        KeptSecrets kept = KeptSecrets.merge(config, items.load(SourceKind.COMPUTE, source.id()));
        UniqueWrites.runOrRefuse(() -> store.update(tenant, source.id(), name, description, clock.millis()),
                () -> PopErrors.alreadyExists("compute source", name));
        items.replace(SourceKind.COMPUTE, source.id(), kept.config());
        return new Response(kept.message());
    }

    /**
     * Sluice chose where its managed source lives (its data directory, or its database's schema and role), so only
     * the name and description change: the items shown may come back as they are, anything else is refused.
     */
    private Response renameManaged(ComputeSource source, Command c, String name, String description) {
        if (!source.type().equalsIgnoreCase(c.type() == null ? "" : c.type().trim())) {
            throw PopErrors.invalidParameter("UpdateCommand.Type", "the type of compute source '" + source.name() + "' is "
                    + source.type() + " and cannot change").exception();
        }
        SourceConfig stored = SourceConfig.stored(SourceTypes.parse(source.type(), "UpdateCommand.Type"), items.load(SourceKind.COMPUTE, source.id()));
        boolean left = c.configList() == null || c.configList().isEmpty();
        if (!left && !asSet(c.configList()).equals(asSet(stored.shown()))) {
            throw PopErrors.invalidParameter("UpdateCommand.ConfigList", "compute source '" + source.name() + "' is managed by Sluice: "
                    + "its connection items cannot change (send them back as shown, or leave them out; name and description may change)").exception();
        }
        long tenant = source.tenantId();
        store.byName(tenant, name).filter(other -> other.id() != source.id()).ifPresent(other -> {
            throw PopErrors.alreadyExists("compute source", name).exception();
        });
        UniqueWrites.runOrRefuse(() -> store.update(tenant, source.id(), name, description, clock.millis()),
                () -> PopErrors.alreadyExists("compute source", name));
        return new Response(null);
    }

    private static Set<String> asSet(List<ConfigItem> items) {
        Set<String> set = new HashSet<>();
        if (items != null) items.forEach(i -> set.add(i.key().trim().toLowerCase(Locale.ROOT) + "=" + i.value()));
        return set;
    }
}
