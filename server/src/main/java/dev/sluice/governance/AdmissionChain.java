package dev.sluice.governance;

import java.util.List;

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
            if (!verdict.passed()) return new Outcome(verdict, step);
            last = verdict;
        }
        return new Outcome(last, null);
    }

    public List<AdmissionStep> steps() {
        return steps;
    }
}
