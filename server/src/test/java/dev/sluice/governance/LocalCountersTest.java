package dev.sluice.governance;

import java.time.Clock;

import dev.sluice.metering.UsageCounts;

/** The counters contract for embedded mode: one process, Bucket4j buckets, per-account locks. */
class LocalCountersTest extends AdmissionCountersContract {

    @Override
    protected AdmissionCounters counters(UsageCounts ledger, Clock clock) {
        return new LocalCounters(ledger, SHANGHAI, clock);
    }
}
