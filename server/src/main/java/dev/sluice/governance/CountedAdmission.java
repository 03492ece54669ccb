package dev.sluice.governance;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.sluice.account.Account;
import dev.sluice.plan.Plan;
import dev.sluice.plan.Plans;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;

/**
 * QPS, daily caps and the monthly free quota in one decision, taken all or nothing by the counters. Answers carry
 * the IETF {@code RateLimit-Policy} / {@code RateLimit} headers for the limit nearest to being hit, and refusals a
 * {@code Retry-After}.
 */
final class CountedAdmission implements AdmissionStep {

    private final AdmissionCounters counters;
    private final Plans plans;

    CountedAdmission(AdmissionCounters counters, Plans plans) {
        this.counters = counters;
        this.plans = plans;
    }

    @Override
    public Verdict check(Call call) {
        Account account = call.credential().account();
        Plan plan = plans.of(account.plan());
        NonceClaim nonce = call.deferredNonce();
        Demand demand = new Demand(account.id(), account.region(), plan, account.payAsYouGo(),
                call.operation().level(), call.operation().type(), call.receivedAt(), nonce);
        Admission admission = counters.admit(demand);
        switch (admission.nonce()) {
            case REPLAYED -> {
                call.nonceRecorded();
                return Verdict.deny(PopErrors.nonceUsed(nonce.nonce()));
            }
            case FIRST_USE -> call.nonceFirstUsed();
            case UNCHECKED -> {
                // Counted without the nonce (locally, while Redis is away): the registry records it now. A refused
                // call leaves it to the chain, which records it for every refusal.
                if (nonce != null && admission.admitted() && !call.recordDeferredNonce()) {
                    counters.giveBack(demand, admission);
                    return Verdict.deny(PopErrors.nonceUsed(nonce.nonce()));
                }
            }
        }
        Map<String, String> headers = headers(admission.nearest());
        if (admission.admitted()) {
            call.admitted(admission.billable(), () -> counters.giveBack(demand, admission));
            return Verdict.pass(headers);
        }
        if (admission.unavailable() != null) {
            headers.put("Retry-After", String.valueOf(Math.max(1, (admission.retryAfterMillis() + 999) / 1000)));
            return Verdict.deny(PopErrors.serviceUnavailable(admission.unavailable()), headers);
        }
        headers.put("Retry-After", String.valueOf(Math.max(1, (admission.retryAfterMillis() + 999) / 1000)));
        return Verdict.deny(refusal(admission.refusedBy(), plan.name()), headers);
    }

    private static PopError refusal(Limit limit, String plan) {
        return switch (limit.kind()) {
            case QPS -> PopErrors.throttled(limit.describe(), plan);
            case DAILY -> PopErrors.dailyLimitExceeded(limit.describe(), plan);
            case MONTHLY_FREE -> PopErrors.monthlyQuotaExceeded(limit.describe(), plan);
        };
    }

    /** Structured-field headers of draft-ietf-httpapi-ratelimit-headers: quota, window, remaining and reset. */
    static Map<String, String> headers(LimitState state) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (state == null) return headers;
        String name = "\"" + state.limit().id() + "\"";
        headers.put("RateLimit-Policy", name + ";q=" + state.limit().quota() + ";w=" + state.windowSeconds());
        headers.put("RateLimit", name + ";r=" + state.remaining() + ";t=" + state.resetSeconds());
        return headers;
    }
}
