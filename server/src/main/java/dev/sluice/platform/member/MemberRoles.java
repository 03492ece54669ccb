package dev.sluice.platform.member;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.Role;
import dev.sluice.account.User;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.PermissionChanged;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.protocol.PopErrors;

/**
 * The global roles members can be given, and every change of them. The super administrator role is never given or
 * taken through the API (it belongs to the tenant's owner), only a super administrator appoints or dismisses system
 * administrators or changes or removes a super administrator, and each change is announced as a
 * {@link PermissionChanged} on the tenant.
 */
@Component
class MemberRoles {

    private final Accounts accounts;
    private final AccountAdmin admin;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MemberRoles(Accounts accounts, AccountAdmin admin, Access access, ApplicationEventPublisher events, Clock clock) {
        this.accounts = accounts;
        this.admin = admin;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /** Roles that can be given: every built-in role but the super administrator's and the one every member holds. */
    List<Role> addable() {
        return accounts.builtInRoles().stream()
                .filter(r -> !r.code().equals(TenantRoles.SUPER_ADMIN) && !r.code().equals(TenantRoles.MEMBER))
                .toList();
    }

    /** Wire role codes to stored codes; COMMON_USER is accepted and implied. */
    Set<String> parse(List<String> wireCodes, String path) {
        Set<String> known = new LinkedHashSet<>();
        addable().forEach(r -> known.add(r.code()));
        Set<String> codes = new LinkedHashSet<>();
        List<String> given = wireCodes == null ? List.of() : wireCodes;
        for (int i = 0; i < given.size(); i++) {
            String code = TenantRoles.storedCode(given.get(i));
            if (code.equals(TenantRoles.MEMBER)) continue;
            if (!known.contains(code)) {
                throw PopErrors.invalidParameter(path + "[" + i + "]", "'" + given.get(i) + "' is not a role that can be given; "
                        + "ListAddableRoles lists them").exception();
            }
            codes.add(code);
        }
        return codes;
    }

    /**
     * Gives the user exactly {@code wanted} (plus the member role), keeping the super administrator role where held.
     * The caller holds the transaction.
     */
    void set(Caller caller, User user, Set<String> wanted, String path) {
        long tenantId = caller.tenant().id();
        Set<String> before = new LinkedHashSet<>(accounts.roles(tenantId, user.id()).stream().map(Role::code).toList());
        Set<String> after = new LinkedHashSet<>(wanted);
        after.add(TenantRoles.MEMBER);
        if (before.contains(TenantRoles.SUPER_ADMIN)) after.add(TenantRoles.SUPER_ADMIN);
        boolean systemAdminChanges = before.contains(TenantRoles.SYSTEM_ADMIN) != after.contains(TenantRoles.SYSTEM_ADMIN);
        if (systemAdminChanges && !access.isSuperAdmin(caller)) {
            throw PopErrors.forbidden("Only super administrators may appoint or dismiss system administrators (" + path + ").")
                    .exception();
        }
        List<String> granted = new ArrayList<>();
        after.stream().filter(code -> !before.contains(code)).forEach(code -> granted.add(TenantRoles.wireCode(code)));
        List<String> revoked = new ArrayList<>();
        before.stream().filter(code -> !after.contains(code)).forEach(code -> revoked.add(TenantRoles.wireCode(code)));
        admin.setMemberRoles(tenantId, user.id(), after);
        publish(caller, user, PermissionChanged.Change.GRANT, granted);
        publish(caller, user, PermissionChanged.Change.REVOKE, revoked);
    }

    /**
     * Refuses a change of {@code user} (roles or contact details) that the caller's rank does not cover: a super
     * administrator is changed only by super administrators, so a system administrator can neither strip its other
     * roles nor redirect its mail or phone.
     */
    void requireMayChange(Caller caller, User user, String path) {
        if (holds(caller, user, TenantRoles.SUPER_ADMIN) && !access.isSuperAdmin(caller)) {
            throw PopErrors.forbidden("Only super administrators may change a super administrator (" + path + ").").exception();
        }
    }

    /**
     * Refuses a removal the caller's rank does not cover: removing a super administrator needs a super administrator,
     * and so does removing a system administrator other than oneself (removing dismisses, and only super
     * administrators dismiss). The tenant's last super administrator is never removed.
     */
    void requireMayRemove(Caller caller, User user, String path) {
        requireMayChange(caller, user, path);
        boolean self = user.id() == caller.user().id();
        if (!self && holds(caller, user, TenantRoles.SYSTEM_ADMIN) && !access.isSuperAdmin(caller)) {
            throw PopErrors.forbidden("Only super administrators may remove a system administrator (" + path + ").").exception();
        }
        if (holds(caller, user, TenantRoles.SUPER_ADMIN) && superAdministrators(caller) <= 1) {
            throw PopErrors.invalidParameter(path, "the tenant's last super administrator cannot be removed").exception();
        }
    }

    private boolean holds(Caller caller, User user, String code) {
        return accounts.roles(caller.tenant().id(), user.id()).stream().anyMatch(r -> r.code().equals(code));
    }

    private long superAdministrators(Caller caller) {
        return accounts.members(caller.tenant().id(), caller.account().id()).stream()
                .filter(m -> m.roleCodes().contains(TenantRoles.SUPER_ADMIN)).count();
    }

    /** Takes every role (the user leaves the tenant). */
    void removeAll(Caller caller, User user) {
        List<String> held = accounts.roles(caller.tenant().id(), user.id()).stream().map(r -> TenantRoles.wireCode(r.code())).toList();
        admin.removeMember(caller.tenant().id(), user.id());
        publish(caller, user, PermissionChanged.Change.REVOKE, held);
    }

    private void publish(Caller caller, User user, PermissionChanged.Change change, List<String> types) {
        if (types.isEmpty()) return;
        events.publishEvent(new PermissionChanged(caller.tenant().id(), change, "TENANT", String.valueOf(caller.tenant().id()),
                caller.tenant().name(), null, null, null, "USER", String.valueOf(user.id()), user.displayName(), types, null,
                caller.user().id(), null, clock.instant()));
    }
}
