package dev.sluice.permission;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;


import dev.sluice.account.User;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.permission.CommandParts.ResourceRef;
import dev.sluice.platform.PermissionChanged;

/** Takes operations (all of them when OperateList is left out) on resources away from one user, at once. */
@Action("RevokeResourcePermission")
final class RevokeResourcePermission implements OperationHandler<RevokeResourcePermission.Request, Void> {

    record Request(RevokeCommand revokeCommand) {
    }

    record RevokeCommand(List<String> operateList, String reason, List<ResourceRef> resourceList, String resourceType, String userId) {
    }

    private final Resources resources;
    private final GrantAuthority authority;
    private final TenantUsers users;
    private final GrantStore store;
    private final GrantEvents events;
    private final Clock clock;

    RevokeResourcePermission(Resources resources, GrantAuthority authority, TenantUsers users, GrantStore store, GrantEvents events,
                            Clock clock) {
        this.resources = resources;
        this.authority = authority;
        this.users = users;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        RevokeCommand command = CommandParts.required(request.revokeCommand(), "RevokeCommand");
        ResourceType type = ResourceType.parse(command.resourceType(), "RevokeCommand.ResourceType");
        Set<TableRight> rights = command.operateList() == null || command.operateList().isEmpty() ? TableRight.ALL
                : CommandParts.rights(command.operateList(), "RevokeCommand.OperateList");
        List<Resource> revoked = CommandParts.resources(resources, caller, type, command.resourceList(), "RevokeCommand.ResourceList");
        revoked.forEach(resource -> authority.requireGranter(caller, resource));
        User user = users.member(caller, CommandParts.required(command.userId(), "RevokeCommand.UserId"), "RevokeCommand.UserId");
        String reason = command.reason() == null || command.reason().isBlank() ? null : command.reason().trim();
        Instant now = clock.instant();
        List<TableRight> ordered = rights.stream().sorted().toList();
        // One transaction: the Dispatcher's, which every write handler runs in.
        for (Resource resource : revoked) {
            store.revoke(caller.tenant().id(), resource, user.id(), ordered);
            events.publish(caller, PermissionChanged.Change.REVOKE, resource, user, ordered, null, reason, now);
        }
        return null;
    }
}
