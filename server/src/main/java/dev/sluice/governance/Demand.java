package dev.sluice.governance;

import java.time.Instant;

import dev.sluice.catalog.OperationType;
import dev.sluice.plan.Plan;

/**
 * What one call asks of its account's counters. Counters are account-wide: every user of the account shares them.
 *
 * @param nonce the call's signature nonce, when its first use is to be recorded in the same atomic step as the counts
 *              (cluster mode: one Redis round trip per call); null otherwise
 */
public record Demand(long accountId, String region, Plan plan, boolean accountPayAsYouGo, int level, OperationType type,
                     Instant at, NonceClaim nonce) {

    public Demand(long accountId, String region, Plan plan, boolean accountPayAsYouGo, int level, OperationType type, Instant at) {
        this(accountId, region, plan, accountPayAsYouGo, level, type, at, null);
    }

    /** Calls beyond the free quota are admitted (and billed) only when both plan and account allow it. */
    public boolean mayBill() {
        return plan.payAsYouGo() && accountPayAsYouGo;
    }
}
