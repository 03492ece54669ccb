package dev.sluice.governance;

import java.util.List;

import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;

/**
 * The steps every call passes, in order. The first refusal ends the walk; its step is reported so refusals can be
 * recorded by reason.
 */
public final class AdmissionChain {

    public record Outcome(Verdict verdict, AdmissionStep deciding) {

        public boolean admitted() {
            return verdict.passed();
        }
    }

    private final List<AdmissionStep> steps;

    public AdmissionChain(List<AdmissionStep> steps) {
        this.steps = List.copyOf(steps);
    }

    public static AdmissionChain of(AdmissionStep... steps) {
        return new AdmissionChain(List.of(steps));
    }

    public Outcome admit(Call call) {
        Verdict last = Verdict.pass();
        for (AdmissionStep step : steps) {
            Verdict verdict = step.check(call);
            if (!verdict.passed()) return refused(call, verdict, step);
            last = verdict;
        }
        return new Outcome(last, null);
    }

    /**
     * A nonce left to the counters (cluster mode) is still spent by a call refused before they recorded it, so that a
     * refused request cannot be replayed later with another outcome; a replay is reported as such.
     */
    private static Outcome refused(Call call, Verdict verdict, AdmissionStep step) {
        NonceClaim nonce = call.deferredNonce();
        if (nonce == null) return new Outcome(verdict, step);
        AdmissionStep deferredBy = call.nonceStep();
        try {
            if (!call.recordDeferredNonce()) return new Outcome(Verdict.deny(PopErrors.nonceUsed(nonce.nonce())), deferredBy);
        } catch (PopException nonceStoreDown) {
            // Refused anyway; the nonce could not be recorded, and the request was not executed.
        }
        return new Outcome(verdict, step);
    }

    public List<AdmissionStep> steps() {
        return steps;
    }
}
