package dev.sluice.platform.rowpermission;

import java.time.Clock;
import java.util.Map;
import java.util.function.Supplier;


import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/** Defines a row-level permission: mapping columns, the tables they map onto, and rules bound to users and groups. */
@Action("CreateRowPermission")
final class CreateRowPermission implements OperationHandler<CreateRowPermission.Request, CreateRowPermission.Response> {

    static final String ROOT = "CreateRowPermissionCommand";

    record Request(RowPermissionCommand.Create createRowPermissionCommand) {
    }

    /** The reference declares Data an integer: the new permission's id. */
    record Response(long data) {
    }

    private final RowPermissionAccess access;
    private final DefinitionCheck check;
    private final RowPermissionStore store;
    private final RowGrants grants;
    private final Clock clock;

    CreateRowPermission(RowPermissionAccess access, DefinitionCheck check, RowPermissionStore store, RowGrants grants, Clock clock) {
        this.access = access;
        this.check = check;
        this.store = store;
        this.grants = grants;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        access.requireManager(caller);
        Definition definition = check.check(caller, request.createRowPermissionCommand().definition(), ROOT);
        long tenantId = caller.tenant().id();
        Supplier<PopError> nameTaken = () -> PopErrors.invalidParameter(ROOT + ".RowPermissionName",
                "a row-level permission named '" + definition.name() + "' exists already");
        if (store.nameTaken(tenantId, definition.name(), -1)) throw nameTaken.get().exception();
        long id = UniqueWrites.orRefuse(() -> store.insert(tenantId, definition, caller.user().id(), clock.millis()), nameTaken);
        grants.publish(tenantId, id, definition.name(), Map.of(), RowGrants.of(definition.rules()), caller.user().id());
        return new Response(id);
    }
}
