package dev.sluice.permission;

import java.time.Instant;
import java.util.Collection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.PermissionChanged;

/**
 * Announces each grant and revocation as {@link PermissionChanged}, so it shows in ListResourcePermissions and the
 * operation log; published inside the grant's transaction (the platform's listener is synchronous), so both commit
 * or neither. A compute source bound to a project carries that project and environment along.
 */
@Component
class GrantEvents {

    private final ApplicationEventPublisher events;
    private final Rights rights;

    GrantEvents(ApplicationEventPublisher events, Rights rights) {
        this.events = events;
        this.rights = rights;
    }

    void publish(Caller caller, PermissionChanged.Change change, Resource resource, User user, Collection<TableRight> granted,
                 Instant expiresAt, String reason, Instant at) {
        var seat = rights.boundSeat(caller.tenant().id(), resource.source());
        events.publishEvent(new PermissionChanged(caller.tenant().id(), change, resource.type().name(), resource.id(), resource.id(),
                seat.map(s -> s.project().id()).orElse(null), seat.map(s -> s.project().name()).orElse(null),
                seat.map(s -> s.project().permissionEnv(s.env())).orElse(null), "USER", String.valueOf(user.id()),
                user.displayName(), granted.stream().map(Enum::name).toList(), expiresAt, caller.user().id(), reason, at));
    }
}
