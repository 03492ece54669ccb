package dev.sluice.platform.rowpermission;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.sluice.platform.usergroup.UserGroupDeleted;

/** A deleted group is unbound from every rule, in the deleting transaction. */
@Component
class GroupDeletion {

    private final RowPermissionStore store;

    GroupDeletion(RowPermissionStore store) {
        this.store = store;
    }

    @EventListener
    void on(UserGroupDeleted event) {
        store.unbindGroup(event.tenantId(), event.userGroupId());
    }
}
