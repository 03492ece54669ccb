package dev.sluice.platform.source;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.Policy;
import dev.sluice.dispatch.Caller;
import dev.sluice.protocol.PopErrors;

/**
 * The policy half of who may run a connectivity check. The contract files the checks as read operations, so a
 * read-only policy passes the admission chain; but a check makes the server open a connection to where the caller
 * says, which is the power of whoever may create or change the source. The role half (may this caller create or
 * change that source) stays with each kind's own rules.
 */
@Component
public class CheckRights {

    private final Accounts accounts;

    CheckRights(Accounts accounts) {
        this.accounts = accounts;
    }

    /** @throws dev.sluice.protocol.PopException {@code Forbidden.RAM} unless the caller's policy gives full access */
    public void requireFullAccess(Caller caller) {
        boolean full = accounts.credential(caller.accessKeyId()).map(c -> c.policies().contains(Policy.FULL_ACCESS)).orElse(false);
        if (!full) {
            throw PopErrors.policyDenied(caller.action(), "the user's read-only policy does not allow it: a check connects from the server, "
                    + "which needs the right to create or change the source.").exception();
        }
    }
}
