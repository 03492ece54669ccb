package dev.sluice.platform.rowpermission;

import java.time.Clock;
import java.util.function.Supplier;


import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.platform.rowpermission.RowPermissionStore.Header;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * Replaces a row-level permission's definition. Rules are matched by name, so a rule that stays keeps its id; rules
 * sent with IsDelete are dropped.
 */
@Action("UpdateRowPermission")
final class UpdateRowPermission implements OperationHandler<UpdateRowPermission.Request, UpdateRowPermission.Response> {

    static final String ROOT = "UpdateRowPermissionCommand";

    record Request(RowPermissionCommand updateRowPermissionCommand) {
    }

    record Response(boolean data) {
    }

    private final RowPermissionAccess access;
    private final DefinitionCheck check;
    private final RowPermissionStore store;
    private final RowPermissionReader reader;
    private final RowGrants grants;
    private final Clock clock;

    UpdateRowPermission(RowPermissionAccess access, DefinitionCheck check, RowPermissionStore store, RowPermissionReader reader,
                        RowGrants grants, Clock clock) {
        this.access = access;
        this.check = check;
        this.store = store;
        this.reader = reader;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        access.requireManager(caller);
        RowPermissionCommand command = request.updateRowPermissionCommand();
        Header existing = access.load(caller, command.rowPermissionId());
        Definition definition = check.check(caller, command, ROOT);
        Supplier<PopError> nameTaken = () -> PopErrors.invalidParameter(ROOT + ".RowPermissionName",
                "a row-level permission named '" + definition.name() + "' exists already");
        if (store.nameTaken(existing.tenantId(), definition.name(), existing.id())) throw nameTaken.get().exception();
        var before = reader.grants(caller, existing.id());
        UniqueWrites.runOrRefuse(() -> store.update(existing.id(), definition, caller.user().id(), clock.millis()), nameTaken);
        grants.publish(existing.tenantId(), existing.id(), definition.name(), before, RowGrants.of(definition.rules()),
                caller.user().id());
        return new Response(true);
    }
}
