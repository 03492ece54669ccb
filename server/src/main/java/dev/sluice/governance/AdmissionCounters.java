package dev.sluice.governance;

/**
 * QPS buckets, daily caps and the monthly free quota of accounts, checked and taken together: a call is admitted
 * only if every limit allows it, and a refused call takes nothing from any limit. Refusal precedence: QPS, then
 * daily caps, then the monthly quota.
 */
public interface AdmissionCounters {

    Admission admit(Demand demand);

    /**
     * Returns what {@link #admit} took for a call that was admitted but then not answered, because a later step (the
     * ledger commit) failed: the caller got 503, so the call must count against nothing. Best effort: a call given
     * back after its day (or month) ended, or after the counters were rebuilt, leaves the new counts alone.
     */
    void giveBack(Demand demand, Admission admission);
}
