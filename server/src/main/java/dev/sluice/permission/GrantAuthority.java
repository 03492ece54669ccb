package dev.sluice.permission;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.permission.CommandParts.ResourceRef;
import dev.sluice.platform.project.Administrators;

/**
 * Who may grant and revoke on a resource (the operations' contract): a super administrator, or the resource's owner,
 * which is the owner of its source, and for the compute source of a project also that project's administrators in the
 * environment the source serves. Asking about another user's rights is open to the same people and to system and
 * security administrators, who audit permissions.
 */
@Component
class GrantAuthority {

    static final String GRANTERS = "a super administrator or the resource's owner (the owner of its source, or an administrator"
            + " of the project whose compute source it is)";

    private final Access access;
    private final Rights rights;
    private final Administrators administrators;
    private final Resources resources;

    GrantAuthority(Access access, Rights rights, Administrators administrators, Resources resources) {
        this.access = access;
        this.rights = rights;
        this.administrators = administrators;
        this.resources = resources;
    }

    /**
     * The resources a grant or a revocation names: each resolved in the caller's tenant, each once however often it is
     * listed, and each one the caller may grant on; all checked before the handler writes anything.
     */
    List<Resource> grantable(Caller caller, ResourceType type, List<ResourceRef> refs, String path) {
        CommandParts.required(refs, path);
        List<Resource> resolved = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            String at = path + "[" + i + "].ResourceId";
            Resource r = resources.resolve(caller.tenant().id(), type, refs.get(i) == null ? null : refs.get(i).resourceId(), at);
            if (!resolved.contains(r)) resolved.add(r);
        }
        resolved.forEach(resource -> requireGranter(caller, resource));
        return resolved;
    }

    boolean mayGrant(Caller caller, Resource resource) {
        if (resource.source().ownerUserId() == caller.user().id() || access.isSuperAdmin(caller)) return true;
        return rights.boundSeat(caller.tenant().id(), resource.source())
                .map(seat -> administrators.projectAdmin(caller, seat.project(), seat.env())).orElse(false);
    }

    void requireGranter(Caller caller, Resource resource) {
        access.require(caller, () -> mayGrant(caller, resource), resource.type() + " '" + resource.id() + "'", GRANTERS);
    }

    boolean auditor(Caller caller) {
        return access.holdsAny(caller, TenantRoles.SUPER_ADMIN, TenantRoles.SYSTEM_ADMIN, TenantRoles.SECURITY_ADMIN);
    }
}
