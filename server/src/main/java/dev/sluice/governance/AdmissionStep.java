package dev.sluice.governance;

/** One question the chain asks of every call, answered without side effects on HTTP. */
public interface AdmissionStep {

    Verdict check(Call call);

    /** A short name for metrics and refusal records. */
    default String name() {
        return getClass().getSimpleName();
    }
}
