package dev.sluice.account;

import java.util.List;

/** A user who holds at least one global role in a tenant, with the codes of those roles (e.g. {@code system_admin}). */
public record TenantMember(User user, List<String> roleCodes) {

    public TenantMember {
        roleCodes = List.copyOf(roleCodes);
    }
}
