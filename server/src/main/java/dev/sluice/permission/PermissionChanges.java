package dev.sluice.permission;

import java.time.Instant;
import java.util.Collection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.PermissionChanged;

/**
 * Writes one grant or revocation and announces it as {@link PermissionChanged}, so it shows in
 * ListResourcePermissions and the operation log. Both happen in the Dispatcher's transaction, which every write
 * handler runs in (the platform's listener is synchronous), so the stored grant and its record commit or fail as one.
 * A compute source bound to a project carries that project and environment along.
 */
@Component
class PermissionChanges {

    private final GrantStore store;
    private final ApplicationEventPublisher events;
    private final Rights rights;

    PermissionChanges(GrantStore store, ApplicationEventPublisher events, Rights rights) {
        this.store = store;
        this.events = events;
        this.rights = rights;
    }

    void grant(Caller caller, Resource resource, User user, Collection<TableRight> granted, Instant end, String reason, Instant now) {
        store.grant(caller.tenant().id(), resource, user.id(), granted, end.toEpochMilli(), caller.user().id(), now.toEpochMilli());
        publish(caller, PermissionChanged.Change.GRANT, resource, user, granted, end, reason, now);
    }

    void revoke(Caller caller, Resource resource, User user, Collection<TableRight> revoked, String reason, Instant now) {
        store.revoke(caller.tenant().id(), resource, user.id(), revoked);
        publish(caller, PermissionChanged.Change.REVOKE, resource, user, revoked, null, reason, now);
    }

    private void publish(Caller caller, PermissionChanged.Change change, Resource resource, User user, Collection<TableRight> changed,
                         Instant expiresAt, String reason, Instant at) {
        var seat = rights.boundSeat(caller.tenant().id(), resource.source());
        events.publishEvent(new PermissionChanged(caller.tenant().id(), change, resource.type().name(), resource.id(), resource.id(),
                seat.map(s -> s.project().id()).orElse(null), seat.map(s -> s.project().name()).orElse(null),
                seat.map(s -> s.project().permissionEnv(s.env())).orElse(null), "USER", String.valueOf(user.id()),
                user.displayName(), changed.stream().map(Enum::name).toList(), expiresAt, caller.user().id(), reason, at));
    }
}
