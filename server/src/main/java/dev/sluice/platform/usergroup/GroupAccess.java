package dev.sluice.platform.usergroup;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
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
    private final Access access;

    GroupAccess(UserGroupStore store, Access access) {
        this.store = store;
        this.access = access;
    }

    Group load(Caller caller, String groupId, String path) {
        Long id = TenantUsers.parseId(groupId);
        if (id == null) throw PopErrors.invalidParameter(path, "'" + groupId + "' is not a user group id").exception();
        return store.find(caller.tenant().id(), id)
                .orElseThrow(() -> PopErrors.notFound("user group", groupId).exception());
    }

    boolean mayManage(Caller caller, Group group) {
        return access.isTenantAdmin(caller)
                || store.member(group.id(), caller.user().id()).map(UserGroupStore.Member::admin).orElse(false);
    }

    Group loadManaged(Caller caller, String groupId, String path) {
        Group group = load(caller, groupId, path);
        access.require(caller, () -> mayManage(caller, group), "user group '" + group.name() + "'",
                "its administrators or by " + Access.TENANT_ADMINS);
        return group;
    }
}
