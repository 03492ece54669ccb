package dev.sluice.permission;

import java.time.Instant;
import java.util.Collection;

import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.PermissionChanged;

/**
 * Writes one grant or revocation and announces it, together: both run in the Dispatcher's transaction, which every
 * write handler runs in, so the stored grant and its record commit or fail as one.
 */
@Component
class PermissionChanges {

    private final GrantStore store;
    private final GrantEvents events;

    PermissionChanges(GrantStore store, GrantEvents events) {
        this.store = store;
        this.events = events;
    }

    void grant(Caller caller, Resource resource, User user, Collection<TableRight> rights, Instant end, String reason, Instant now) {
        store.grant(caller.tenant().id(), resource, user.id(), rights, end.toEpochMilli(), caller.user().id(), now.toEpochMilli());
        events.publish(caller, PermissionChanged.Change.GRANT, resource, user, rights, end, reason, now);
    }

    void revoke(Caller caller, Resource resource, User user, Collection<TableRight> rights, String reason, Instant now) {
        store.revoke(caller.tenant().id(), resource, user.id(), rights);
        events.publish(caller, PermissionChanged.Change.REVOKE, resource, user, rights, null, reason, now);
    }
}
