package dev.sluice.platform.project;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.Tenant;
import dev.sluice.account.User;

/** The tenant and its members, for the paths that have a tenant id but no caller (the operator command, ownership transfer). */
@Component
public class TenantDirectory {

    private final Accounts accounts;

    TenantDirectory(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Tenant> tenant(long tenantId) {
        return accounts.tenant(tenantId);
    }

    /** A member of the tenant, or empty when the id names nobody there (or someone who left it). */
    public Optional<User> user(long tenantId, long userId) {
        return accounts.tenant(tenantId).flatMap(t -> accounts.user(t.accountId(), userId))
                .filter(u -> accounts.isMember(tenantId, u.id()));
    }
}
