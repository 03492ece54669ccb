package dev.sluice.governance;

import java.util.Set;

import dev.sluice.account.Policy;
import dev.sluice.protocol.PopErrors;

/** The user's system policy: full access calls everything, read-only calls read operations only, none calls nothing. */
final class PolicyCheck implements AdmissionStep {

    @Override
    public Verdict check(Call call) {
        Set<Policy> policies = call.credential().policies();
        if (policies.contains(Policy.FULL_ACCESS)) return Verdict.pass();
        String action = call.operation().action();
        if (policies.isEmpty()) return Verdict.deny(PopErrors.policyDenied(action, "the user has no policy attached."));
        if (call.operation().isRead()) return Verdict.pass();
        return Verdict.deny(PopErrors.policyDenied(action, "the user's read-only policy allows read operations only, and "
                + action + " writes."));
    }
}
