package dev.sluice.platform.project;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.Tenant;
import dev.sluice.account.User;

/**
 * The account and users behind a tenant, for the paths that have a tenant id but no caller (the operator command,
 * ownership transfer). The account module has no lookup by tenant id, so this walks the accounts: acceptable for
 * those rare paths, and the place to switch once {@code Accounts} offers one.
 */
@Component
public class TenantDirectory {

    private final Accounts accounts;

    TenantDirectory(Accounts accounts) {
        this.accounts = accounts;
    }

    public Optional<Tenant> tenant(long tenantId) {
        return accounts.accounts().stream().flatMap(a -> accounts.tenants(a.id()).stream())
                .filter(t -> t.id() == tenantId).findFirst();
    }

    /** A user of the tenant's account, or empty when the id names nobody there. */
    public Optional<User> user(long tenantId, long userId) {
        return tenant(tenantId).flatMap(t -> accounts.user(t.accountId(), userId));
    }
}
