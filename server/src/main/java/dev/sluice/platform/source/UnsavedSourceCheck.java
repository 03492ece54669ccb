package dev.sluice.platform.source;

import java.util.List;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;

/**
 * Connects with a configuration the caller sends without saving it, and records the check: the one body of
 * CheckComputeSourceConnectivity and CheckDataSourceConnectivity. The caller needs what creating such a source would
 * need, since a check makes the server connect where the caller says.
 */
@Component
public class UnsavedSourceCheck {

    private final CheckRights rights;
    private final SourceConfigs configs;
    private final Connectivity connectivity;

    UnsavedSourceCheck(CheckRights rights, SourceConfigs configs, Connectivity connectivity) {
        this.rights = rights;
        this.configs = configs;
        this.connectivity = connectivity;
    }

    /**
     * @param mayCreate the kind's own role rule for creating a source, asked after the policy check
     * @param itemsPath the wire path of the configuration list, which the two operations name differently
     */
    public CheckAnswer check(Caller caller, SourceKind kind, Consumer<Caller> mayCreate, String type, List<ConfigItem> items, String itemsPath) {
        rights.requireFullAccess(caller);
        mayCreate.accept(caller);
        SourceConfig config = configs.check(type, items, "CheckCommand.Type", itemsPath);
        return CheckAnswer.of(connectivity.check(caller.tenant().id(), caller.user().id(), kind, null, config));
    }
}
