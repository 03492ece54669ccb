package dev.sluice.platform.rowpermission;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.rowpermission.RowPermissionStore.Header;
import dev.sluice.protocol.PopErrors;

/**
 * Row-level rules decide which rows people may read, so only super, system and security administrators define them,
 * read them or see their names; every other member may only ask which rules bind itself, without the permissions' names.
 */
@Component
class RowPermissionAccess {

    private static final String[] MANAGERS = {TenantRoles.SUPER_ADMIN, TenantRoles.SYSTEM_ADMIN, TenantRoles.SECURITY_ADMIN};

    private final Access access;
    private final RowPermissionStore store;

    RowPermissionAccess(Access access, RowPermissionStore store) {
        this.access = access;
        this.store = store;
    }

    boolean isManager(Caller caller) {
        return access.holdsAny(caller, MANAGERS);
    }

    void requireManager(Caller caller) {
        access.anyRole(caller, "super, system or security administrators", MANAGERS);
    }

    Header load(Caller caller, Long id) {
        return store.find(caller.tenant().id(), id).orElseThrow(() -> PopErrors.notFound("row-level permission", id).exception());
    }

    /** The user whose rules are asked for: the caller itself, or anyone for managers. */
    long subject(Caller caller, String userId, String path) {
        Long id = TenantUsers.parseId(userId);
        if (id == null) throw PopErrors.invalidParameter(path, "'" + userId + "' is not a user id").exception();
        if (id != caller.user().id() && !isManager(caller)) {
            throw PopErrors.forbidden("Only super, system or security administrators may list another user's row-level permissions.")
                    .exception();
        }
        return id;
    }
}
