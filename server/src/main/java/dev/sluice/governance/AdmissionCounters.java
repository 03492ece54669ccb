package dev.sluice.governance;

/**
 * QPS buckets, daily caps and the monthly free quota of accounts, checked and taken together: a call is admitted
 * only if every limit allows it, and a refused call takes nothing from any limit. Refusal precedence: QPS, then
 * daily caps, then the monthly quota.
 */
public interface AdmissionCounters {

    Admission admit(Demand demand);
}
