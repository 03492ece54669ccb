package dev.sluice.permission;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
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

    GrantAuthority(Access access, Rights rights, Administrators administrators) {
        this.access = access;
        this.rights = rights;
        this.administrators = administrators;
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
