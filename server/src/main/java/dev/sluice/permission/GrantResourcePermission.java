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
import dev.sluice.protocol.PopErrors;

/**
 * Grants users operations on tables, fields or whole sources until a given end. A grant the user holds already gets
 * the new end. Everything is checked before anything is written, and all grants commit together with their records.
 */
@Action("GrantResourcePermission")
final class GrantResourcePermission implements OperationHandler<GrantResourcePermission.Request, Void> {

    record Request(GrantCommand grantCommand) {
    }

    record GrantCommand(String effectiveEnd, List<String> operateList, String reason, List<ResourceRef> resourceList,
                        String resourceType, List<String> userIdList) {
    }

    private final GrantAuthority authority;
    private final TenantUsers users;
    private final PermissionChanges changes;
    private final Clock clock;

    GrantResourcePermission(GrantAuthority authority, TenantUsers users, PermissionChanges changes, Clock clock) {
        this.authority = authority;
        this.users = users;
        this.changes = changes;
        this.clock = clock;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        GrantCommand command = CommandParts.required(request.grantCommand(), "GrantCommand");
        ResourceType type = ResourceType.parse(command.resourceType(), "GrantCommand.ResourceType");
        Set<TableRight> rights = CommandParts.rights(CommandParts.required(command.operateList(), "GrantCommand.OperateList"),
                "GrantCommand.OperateList");
        Instant now = clock.instant();
        Instant end = end(command.effectiveEnd(), now);
        List<Resource> granted = authority.grantable(caller, type, command.resourceList(), "GrantCommand.ResourceList");
        List<User> grantees = users.members(caller, CommandParts.required(command.userIdList(), "GrantCommand.UserIdList"),
                "GrantCommand.UserIdList");
        String reason = CommandParts.reason(command.reason());
        for (Resource resource : granted) {
            for (User user : grantees) changes.grant(caller, resource, user, rights, end, reason, now);
        }
        return null;
    }

    private static Instant end(String given, Instant now) {
        String path = "GrantCommand.EffectiveEnd";
        CommandParts.required(given, path);
        long millis;
        try {
            millis = Long.parseLong(given.trim());
        } catch (NumberFormatException e) {
            throw PopErrors.invalidParameter(path, "'" + given + "' is not a timestamp in milliseconds").exception();
        }
        if (millis <= now.toEpochMilli()) {
            throw PopErrors.invalidParameter(path, "the end " + Instant.ofEpochMilli(millis) + " is not in the future").exception();
        }
        return Instant.ofEpochMilli(millis);
    }
}
