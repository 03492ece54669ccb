package dev.sluice.governance;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import dev.sluice.account.Accounts;
import dev.sluice.account.Role;
import dev.sluice.catalog.AdminRole;
import dev.sluice.protocol.PopErrors;

/**
 * Operations the catalog reserves for tenant-wide administrators (super or system administrator) are refused to
 * everyone else here. Rules that involve an object (its owner, a project's administrator) need that object and are
 * enforced by the operation itself.
 */
final class AdminRule implements AdmissionStep {

    private static final Set<AdminRole> TENANT_WIDE = EnumSet.of(AdminRole.SUPER_ADMIN, AdminRole.SYSTEM_ADMIN);

    private final Accounts accounts;

    AdminRule(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Verdict check(Call call) {
        Set<AdminRole> required = call.operation().adminRoles();
        if (required.isEmpty() || !TENANT_WIDE.containsAll(required)) return Verdict.pass();
        Set<String> held = accounts.roles(call.credential().tenant().id(), call.credential().user().id()).stream()
                .map(Role::code).collect(Collectors.toSet());
        for (AdminRole role : required) {
            if (held.contains(role.name().toLowerCase())) return Verdict.pass();
        }
        String names = required.stream().map(r -> r == AdminRole.SUPER_ADMIN ? "super administrators" : "system administrators")
                .sorted().collect(Collectors.joining(" or "));
        return Verdict.deny(PopErrors.adminRequired(call.operation().action(), names));
    }
}
