package dev.sluice.permission;

import java.util.ArrayList;
import java.util.List;

import dev.sluice.account.User;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.permission.CommandParts.ResourceRef;

/**
 * Answers, per resource, whether a user may run the operation there right now, as the SQL gate would decide: by an
 * unexpired grant (on the resource, its table, or its whole source) or by who the user is (super administrator, the
 * source's owner, a member of the project whose compute source it is). Every member may ask about themselves; asking
 * about someone else is for those who may grant on every resource asked about, and for super, system and security
 * administrators.
 */
@Action("CheckResourcePermission")
final class CheckResourcePermission implements OperationHandler<CheckResourcePermission.Request, CheckResourcePermission.Response> {

    record Request(CheckCommand checkCommand) {
    }

    record CheckCommand(String operate, List<ResourceRef> resourceList, String resourceType, String userId) {
    }

    record Response(List<ResourcePermission> resourcePermissionList) {
    }

    record ResourcePermission(boolean hasPermission, String resourceId) {
    }

    private final Resources resources;
    private final GrantAuthority authority;
    private final Rights rights;
    private final TenantUsers users;

    CheckResourcePermission(Resources resources, GrantAuthority authority, Rights rights, TenantUsers users) {
        this.resources = resources;
        this.authority = authority;
        this.rights = rights;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        CheckCommand command = CommandParts.required(request.checkCommand(), "CheckCommand");
        ResourceType type = ResourceType.parse(command.resourceType(), "CheckCommand.ResourceType");
        TableRight right = TableRight.parse(command.operate(), "CheckCommand.Operate");
        List<ResourceRef> refs = CommandParts.required(command.resourceList(), "CheckCommand.ResourceList");
        List<Resource> asked = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String path = "CheckCommand.ResourceList[" + i + "].ResourceId";
            asked.add(resources.resolve(caller.tenant().id(), type, refs.get(i) == null ? null : refs.get(i).resourceId(), path));
        }
        User user = users.member(caller, CommandParts.required(command.userId(), "CheckCommand.UserId"), "CheckCommand.UserId");
        if (user.id() != caller.user().id() && !authority.auditor(caller)
                && !asked.stream().allMatch(resource -> authority.mayGrant(caller, resource))) {
            throw Access.refused(caller, "another user's permissions", "super, system or security administrators or by the"
                    + " resources' owners (members may check their own)").exception();
        }
        long tenantId = caller.tenant().id();
        List<ResourcePermission> answers = new ArrayList<>();
        for (int i = 0; i < asked.size(); i++) {
            Resource resource = asked.get(i);
            boolean has = rights.held(tenantId, user.id(), resource, rights.boundSeat(tenantId, resource.source()).orElse(null))
                    .contains(right);
            answers.add(new ResourcePermission(has, refs.get(i).resourceId().trim()));
        }
        return new Response(answers);
    }
}
