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

/** Takes operations (all of them when OperateList is left out) on resources away from one user, at once. */
@Action("RevokeResourcePermission")
final class RevokeResourcePermission implements OperationHandler<RevokeResourcePermission.Request, Void> {

    record Request(RevokeCommand revokeCommand) {
    }

    record RevokeCommand(List<String> operateList, String reason, List<ResourceRef> resourceList, String resourceType, String userId) {
    }

    private final GrantAuthority authority;
    private final TenantUsers users;
    private final PermissionChanges changes;
    private final Clock clock;

    RevokeResourcePermission(GrantAuthority authority, TenantUsers users, PermissionChanges changes, Clock clock) {
        this.authority = authority;
        this.users = users;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        RevokeCommand command = CommandParts.required(request.revokeCommand(), "RevokeCommand");
        ResourceType type = ResourceType.parse(command.resourceType(), "RevokeCommand.ResourceType");
        Set<TableRight> rights = command.operateList() == null || command.operateList().isEmpty() ? TableRight.ALL
                : CommandParts.rights(command.operateList(), "RevokeCommand.OperateList");
        List<Resource> revoked = authority.grantable(caller, type, command.resourceList(), "RevokeCommand.ResourceList");
        User user = users.member(caller, CommandParts.required(command.userId(), "RevokeCommand.UserId"), "RevokeCommand.UserId");
        String reason = CommandParts.reason(command.reason());
        Instant now = clock.instant();
        List<TableRight> ordered = rights.stream().sorted().toList();
        for (Resource resource : revoked) changes.revoke(caller, resource, user, ordered, reason, now);
        return null;
    }
}
