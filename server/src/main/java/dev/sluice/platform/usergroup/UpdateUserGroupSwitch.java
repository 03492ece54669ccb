package dev.sluice.platform.usergroup;

import java.time.Clock;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.usergroup.UserGroupStore.Group;

/** Enables or disables a group. */
@Action("UpdateUserGroupSwitch")
final class UpdateUserGroupSwitch implements OperationHandler<UpdateUserGroupSwitch.Request, UpdateUserGroupSwitch.Response> {

    record Request(String userGroupId, boolean active) {
    }

    record Response(boolean data) {
    }

    private final UserGroupStore store;
    private final GroupAccess access;
    private final Clock clock;

    UpdateUserGroupSwitch(UserGroupStore store, GroupAccess access, Clock clock) {
        this.store = store;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Group group = access.loadManaged(caller, request.userGroupId(), "UserGroupId");
        store.setActive(group.id(), request.active(), clock.millis());
        return new Response(true);
    }
}
