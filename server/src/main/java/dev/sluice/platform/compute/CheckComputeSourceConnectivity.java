package dev.sluice.platform.compute;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.CheckAnswer;
import dev.sluice.platform.source.CheckRights;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.Connectivity;
import dev.sluice.platform.source.SourceConfigs;
import dev.sluice.platform.source.SourceKind;

/**
 * Connects with a configuration that is not saved yet, and records the check. The caller needs what creating the
 * source would need: a check makes the server connect where the caller says.
 */
@Action("CheckComputeSourceConnectivity")
final class CheckComputeSourceConnectivity implements OperationHandler<CheckComputeSourceConnectivity.Request, CheckAnswer> {

    record Request(Command checkCommand) {
    }

    record Command(List<ConfigItem> configList, String type) {
    }

    private final ComputeSourceRules rules;
    private final CheckRights rights;
    private final SourceConfigs configs;
    private final Connectivity connectivity;

    CheckComputeSourceConnectivity(ComputeSourceRules rules, CheckRights rights, SourceConfigs configs, Connectivity connectivity) {
        this.rules = rules;
        this.rights = rights;
        this.configs = configs;
        this.connectivity = connectivity;
    }

    @Override
    public CheckAnswer handle(Caller caller, Request request) {
        rights.requireFullAccess(caller);
        rules.requireCreate(caller);
        var config = configs.check(request.checkCommand().type(), request.checkCommand().configList(), "CheckCommand.Type", "CheckCommand.ConfigList");
        return CheckAnswer.of(connectivity.check(caller.tenant().id(), caller.user().id(), SourceKind.COMPUTE, null, config));
    }
}
