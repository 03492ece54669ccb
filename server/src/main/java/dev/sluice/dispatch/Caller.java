package dev.sluice.dispatch;

import dev.sluice.account.Account;
import dev.sluice.account.Tenant;
import dev.sluice.account.User;
import dev.sluice.catalog.Operation;

/**
 * Who is calling, as established by the admission chain, and which operation they called: handlers name themselves in
 * errors and records through {@link #action()} rather than repeating their action name as a string.
 */
public record Caller(Account account, Tenant tenant, User user, String accessKeyId, String requestId, Operation operation) {

    /** The wire name of the operation being run, e.g. {@code UpdateUserGroup}. */
    public String action() {
        return operation.action();
    }
}
