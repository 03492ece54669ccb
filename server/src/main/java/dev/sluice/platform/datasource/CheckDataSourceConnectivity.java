package dev.sluice.platform.datasource;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.CheckAnswer;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.platform.source.UnsavedSourceCheck;

/**
 * Connects with a data-source configuration that is not saved yet, and records the check. The caller needs what
 * creating the source would need: a check makes the server connect where the caller says.
 */
@Action("CheckDataSourceConnectivity")
final class CheckDataSourceConnectivity implements OperationHandler<CheckDataSourceConnectivity.Request, CheckAnswer> {

    record Request(Command checkCommand) {
    }

    record Command(List<ConfigItem> configItemList, String type) {
    }

    private final DataSourceRules rules;
    private final UnsavedSourceCheck check;

    CheckDataSourceConnectivity(DataSourceRules rules, UnsavedSourceCheck check) {
        this.rules = rules;
        this.check = check;
    }

    @Override
    public CheckAnswer handle(Caller caller, Request request) {
        Command command = request.checkCommand();
        return check.check(caller, SourceKind.DATA, rules::requireCreate, command.type(), command.configItemList(), "CheckCommand.ConfigItemList");
    }
}
