package dev.sluice.governance;

import dev.sluice.protocol.PopError;

/**
 * The refusals only admission steps of this module raise: tenant membership, edition and account standing. The ones
 * the wire shares with every module (signature, policy, throttling, quota) stay in {@code PopErrors}.
 */
final class AdmissionErrors {

    private AdmissionErrors() {
    }

    static PopError notTenantMember(String userName, long tenantId) {
        return new PopError("Forbidden.NotTenantMember", 403, "User " + userName + " is not a member of tenant " + tenantId
                + "; a tenant administrator can add it again with AddTenantMembers.");
    }

    static PopError editionTooLow(String action, String needed, String actual) {
        return new PopError("Forbidden.EditionNotSupported", 403,
                action + " needs the " + needed + " edition or higher; the account's plan gives " + actual + ".",
                "Upgrade the account's edition to use this operation.");
    }

    static PopError accountOverdue() {
        return new PopError("Forbidden.AccountOverdue", 403,
                "The account has an overdue payment; every call is refused until it is settled.");
    }
}
