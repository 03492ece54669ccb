package dev.sluice.dispatch;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.Role;

/**
 * The global roles of a tenant as the platform operations use them: the caller's roles for the finer authorization
 * rules that need an object (group administrator, etc.), and the mapping between stored role codes and wire codes.
 */
@Component
public class TenantRoles {

    public static final String SUPER_ADMIN = "super_admin";
    public static final String SYSTEM_ADMIN = "system_admin";
    public static final String SECURITY_ADMIN = "security_admin";
    /** Every member holds it; on the wire it is COMMON_USER. */
    public static final String MEMBER = "member";

    private static final String MEMBER_WIRE = "COMMON_USER";

    private final Accounts accounts;

    TenantRoles(Accounts accounts) {
        this.accounts = accounts;
    }

    public Set<String> held(Caller caller) {
        return accounts.roles(caller.tenant().id(), caller.user().id()).stream().map(Role::code).collect(Collectors.toSet());
    }

    /** Super or system administrator of the caller's tenant. */
    public boolean isTenantAdmin(Caller caller) {
        Set<String> held = held(caller);
        return held.contains(SUPER_ADMIN) || held.contains(SYSTEM_ADMIN);
    }

    public boolean holdsAny(Caller caller, String... codes) {
        Set<String> held = held(caller);
        for (String code : codes) {
            if (held.contains(code)) return true;
        }
        return false;
    }

    public static String wireCode(String code) {
        return MEMBER.equals(code) ? MEMBER_WIRE : code.toUpperCase(Locale.ROOT);
    }

    public static String storedCode(String wireCode) {
        return MEMBER_WIRE.equalsIgnoreCase(wireCode) ? MEMBER : wireCode.toLowerCase(Locale.ROOT);
    }
}
