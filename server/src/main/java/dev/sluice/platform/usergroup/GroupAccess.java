package dev.sluice.platform.usergroup;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.usergroup.UserGroupStore.Group;
import dev.sluice.protocol.PopErrors;

/**
 * Finds a group of the caller's tenant and decides who may change it: the group's own administrators, and the tenant's
 * super and system administrators. A group of another tenant is simply not found.
 */
@Component
class GroupAccess {

    private final UserGroupStore store;
    private final TenantRoles roles;

    GroupAccess(UserGroupStore store, TenantRoles roles) {
        this.store = store;
        this.roles = roles;
    }

    Group load(Caller caller, String groupId, String path) {
        Long id = TenantUsers.parseId(groupId);
        if (id == null) throw PopErrors.invalidParameter(path, "'" + groupId + "' is not a user group id").exception();
        return store.find(caller.tenant().id(), id)
                .orElseThrow(() -> PopErrors.notFound("user group", groupId).exception());
    }

    boolean mayManage(Caller caller, Group group) {
        return roles.isTenantAdmin(caller)
                || store.member(group.id(), caller.user().id()).map(UserGroupStore.Member::admin).orElse(false);
    }

    Group loadManaged(Caller caller, String groupId, String path, String action) {
        Group group = load(caller, groupId, path);
        if (!mayManage(caller, group)) {
            throw PopErrors.forbidden(action + " on user group '" + group.name() + "' may only be called by its administrators"
                    + " or by super or system administrators.").exception();
        }
        return group;
    }
}
