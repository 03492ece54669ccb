package dev.sluice.dispatch;

import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * Who may run an operation on what, said one way in every module. Each check passes or refuses with the one answer
 * Sluice gives for a missing right: {@code Forbidden.NoPermission} (403), worded
 * "{@code <Action>[ on <object>] may only be called by <who>.}", where the action is the caller's own operation. The
 * checks that need a module's objects (a project's administrators, a group's) live with those objects and refuse
 * through {@link #refused}, so the wording stays the same everywhere.
 */
@Component
public class Access {

    public static final String TENANT_ADMINS = "super or system administrators";

    private final TenantRoles roles;

    Access(TenantRoles roles) {
        this.roles = roles;
    }

    /** Super or system administrator of the caller's tenant. */
    public boolean isTenantAdmin(Caller caller) {
        return roles.isTenantAdmin(caller);
    }

    public boolean isSuperAdmin(Caller caller) {
        return roles.holdsAny(caller, TenantRoles.SUPER_ADMIN);
    }

    /** Holds one of the global roles given as stored codes ({@link TenantRoles#SUPER_ADMIN}, ...). */
    public boolean holdsAny(Caller caller, String... roleCodes) {
        return roles.holdsAny(caller, roleCodes);
    }

    /** Refuses unless the caller is a super or system administrator. */
    public void tenantAdmin(Caller caller) {
        tenantAdmin(caller, TENANT_ADMINS);
    }

    /** {@link #tenantAdmin(Caller)} naming the administrators as the operation's contract does. */
    public void tenantAdmin(Caller caller, String who) {
        if (!isTenantAdmin(caller)) throw refused(caller, null, who).exception();
    }

    /** Refuses unless the caller is a super administrator. */
    public void superAdmin(Caller caller) {
        if (!isSuperAdmin(caller)) throw refused(caller, null, "super administrators").exception();
    }

    /** Refuses unless the caller holds one of {@code roleCodes}; {@code who} names them in the refusal. */
    public void anyRole(Caller caller, String who, String... roleCodes) {
        if (!holdsAny(caller, roleCodes)) throw refused(caller, null, who).exception();
    }

    /** Refuses unless the caller owns the object (its owner's user id is {@code ownerUserId}) or is a tenant administrator. */
    public void ownerOrTenantAdmin(Caller caller, long ownerUserId, String object) {
        if (caller.user().id() == ownerUserId || isTenantAdmin(caller)) return;
        throw refused(caller, object, "its owner or by " + TENANT_ADMINS).exception();
    }

    /**
     * The general form, for a module's own rule: refuses unless {@code allowed} holds (evaluated lazily, so a costly
     * lookup runs only when the cheaper checks before it failed).
     *
     * @param object what the operation acts on as the refusal names it (e.g. {@code "user group 'ops'"}), or null
     * @param who    who may, e.g. {@code "its administrators or by super or system administrators"}
     */
    public void require(Caller caller, BooleanSupplier allowed, String object, String who) {
        if (!allowed.getAsBoolean()) throw refused(caller, object, who).exception();
    }

    /** The refusal of the caller's operation, for rules that decide on their own. */
    public static PopError refused(Caller caller, String object, String who) {
        return PopErrors.forbidden(caller.action() + (object == null ? "" : " on " + object) + " may only be called by " + who + ".");
    }
}
