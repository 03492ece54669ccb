package dev.sluice.metering.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sluice.metering.CallRecord;
import io.micrometer.core.instrument.Counter;

/**
 * How many refusals wait in a ledger's memory (queued, or journaled but not yet in the rollups): at most
 * {@code perKey} of one AccessKey and {@code total} in all. Refusals share the ledger's queue and backlog with
 * admitted calls, so a key flooding calls that are refused (over its QPS, say) could otherwise fill them: every
 * other account's admitted calls would then be refused with 503, and the memory held would grow with the flood.
 *
 * <p>A refusal beyond either cap is not recorded: it is counted in {@code sluice_ledger_refusals_dropped_total}, and
 * its key is logged at most once a minute. That is safe because refusals are never billed and count against no limit;
 * only the account's refusal figures come out lower, and only for the key that flooded. Every other key keeps its own
 * allowance, so its refusals are neither dropped nor queued behind more than {@code perKey} of the flooder's.
 */
final class RefusalBacklog {

    private static final Logger log = LoggerFactory.getLogger(RefusalBacklog.class);
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final int perKey;
    private final int total;
    private final Counter dropped;
    private final Map<String, Integer> pending = new ConcurrentHashMap<>();
    private final AtomicInteger inAll = new AtomicInteger();
    private final Map<String, Long> loggedAt = new ConcurrentHashMap<>();

    RefusalBacklog(int perKey, int total, Counter dropped) {
        if (perKey < 1 || total < perKey) throw new IllegalArgumentException("refusal backlog: need 1 <= per key <= total");
        this.perKey = perKey;
        this.total = total;
        this.dropped = dropped;
    }

    /**
     * The backlog of one ledger: {@code pending} refusals in all, but never more than half of {@code ledgerRoom} (the
     * queue or backlog the refusals share with admitted calls), and at most {@code perKey} of one key within that.
     */
    static RefusalBacklog of(int perKey, int pending, int ledgerRoom, Counter dropped) {
        int room = Math.max(1, Math.min(pending, ledgerRoom / 2));
        return new RefusalBacklog(Math.min(perKey, room), room, dropped);
    }

    /** {@link #admit(CallRecord)} for a ledger that may have stopped: once it has, a refusal is only counted as dropped. */
    boolean admit(CallRecord refusal, boolean ledgerRunning) {
        if (!ledgerRunning) {
            dropped.increment();
            return false;
        }
        return admit(refusal);
    }

    /** A refusal admitted earlier that will not be written after all (no room in the queue, or its batch failed). */
    void dropAdmitted(CallRecord refusal) {
        release(refusal);
        dropped.increment();
    }

    /** True when the refusal may wait in memory; the caller then calls {@link #release} once it left. */
    boolean admit(CallRecord refusal) {
        String key = keyOf(refusal);
        if (inAll.incrementAndGet() > total) {
            inAll.decrementAndGet();
            drop(key, "all keys' together at " + total);
            return false;
        }
        boolean[] room = {false};
        pending.compute(key, (k, waiting) -> {
            int count = waiting == null ? 0 : waiting;
            if (count >= perKey) return waiting;
            room[0] = true;
            return count + 1;
        });
        if (!room[0]) {
            inAll.decrementAndGet();
            drop(key, "its own at " + perKey);
            return false;
        }
        return true;
    }

    /** The refusal admitted earlier is written, or dropped after all. */
    void release(CallRecord refusal) {
        // An emptied count goes, so the map holds only keys with refusals waiting.
        pending.computeIfPresent(keyOf(refusal), (k, waiting) -> waiting <= 1 ? null : waiting - 1);
        inAll.decrementAndGet();
    }

    /** Refusals waiting in memory now. */
    int size() {
        return inAll.get();
    }

    private void drop(String key, String cap) {
        dropped.increment();
        long now = System.nanoTime();
        Long last = loggedAt.get(key);
        if (last != null && now - last < LOG_EVERY_NANOS) return;
        loggedAt.put(key, now);
        if (loggedAt.size() > 10_000) loggedAt.clear(); // a rate limit for log lines, not worth more memory than this
        log.warn("refusals of AccessKey {} dropped, not recorded: the refusals waiting for the ledger reached {}", key, cap);
    }

    private static String keyOf(CallRecord refusal) {
        return refusal.accessKeyId() == null ? "" : refusal.accessKeyId();
    }
}
