package dev.sluice.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many nonces each AccessKey may have remembered at once, and all keys together. This is what bounds the nonce
 * store's memory. The store itself never forgets a nonce before it expires: when it forgot the oldest ones first,
 * one key's flood could push out another key's nonces, and those requests could then be replayed.
 *
 * <p>A key whose nonces in the window reach {@code perKey}, or any key once every key's together reach
 * {@code total}, is refused new requests. Its nonce is not recorded, so the refused request could be replayed later
 * with another outcome. To stop that, the key stays refused until that request's timestamp has left the clock window
 * ({@code replayableUntil}). A key that keeps sending at its cap is refused until it stops. The default cap is far
 * above what a key can legitimately send in the window: the highest plan rates, refusals and retries included.
 *
 * <p>Counts are kept per key in a ring of time buckets that covers the nonce lifetime. A nonce stays counted until its
 * whole bucket has expired, which is up to one bucket longer than it is remembered, so the count is never low.
 */
final class NonceBudget {

    private static final Logger log = LoggerFactory.getLogger(NonceBudget.class);
    private static final int BUCKETS = 60;

    private final int perKey;
    private final long total;
    private final long bucketMillis;
    private final Clock clock;
    private final Map<String, KeyWindow> keys = new ConcurrentHashMap<>();
    /** Nonces counted in every key's live buckets. */
    private final AtomicLong counted = new AtomicLong();
    private final AtomicLong nextSweep = new AtomicLong();

    /** {@code lifetime}: how long a nonce is remembered ({@link NonceClaim#remember()}). */
    NonceBudget(int perKey, long total, Duration lifetime, Clock clock) {
        if (perKey < 1 || total < perKey) throw new IllegalArgumentException("nonce budget: need 1 <= per key <= total");
        this.perKey = perKey;
        this.total = total;
        this.bucketMillis = Math.max(1, (lifetime.toMillis() + BUCKETS - 1) / BUCKETS);
        this.clock = clock;
    }

    int perKey() {
        return perKey;
    }

    /** A refused nonce: when its key may try again, and whether the cap reached was all keys' together. */
    record Refusal(Instant retryAt, boolean allKeys) {
    }

    /**
     * Null when the key may record one more nonce; otherwise when it may try again, and the key stays refused at least until {@code replayableUntil} (when the refused request's timestamp leaves the clock
     * window). Counts nothing: {@link #count} does, once the nonce turned out new, so that replaying one captured
     * request many times (refused as replays, storing nothing) cannot use up its key's budget.
     */
    Refusal check(String accessKeyId, Instant replayableUntil) {
        long now = clock.millis();
        long bucket = now / bucketMillis;
        sweepIfDue(now, bucket);
        // Every key together: before the key's own lock, since a sweep takes each key's lock in turn.
        boolean full = counted.get() >= total && sweep(now, bucket) >= total;
        while (true) {
            KeyWindow window = keys.computeIfAbsent(accessKeyId, key -> new KeyWindow());
            synchronized (window) {
                if (window.removed) continue; // swept away meanwhile: look again
                window.advance(bucket);
                if (!full && now >= window.refusedUntil && window.live < perKey) return null;
                if (window.refusedUntil <= now) {
                    log.warn("AccessKey {}: {} nonces in the last {} minutes{}; its new requests are refused for a while",
                            accessKeyId, window.live, lifetimeMinutes(), full ? ", all keys' together at " + total : ", at its cap");
                }
                window.refusedUntil = Math.max(window.refusedUntil, replayableUntil.toEpochMilli());
                return new Refusal(Instant.ofEpochMilli(Math.max(window.refusedUntil, window.belowCapAt(bucket))), full);
            }
        }
    }

    /**
     * Counts a nonce the store has just recorded for the key. Several calls of one key checked at once may all be
     * counted, so a key can overshoot its cap by the calls it has in flight, never by more.
     */
    void count(String accessKeyId) {
        long bucket = clock.millis() / bucketMillis;
        while (true) {
            KeyWindow window = keys.computeIfAbsent(accessKeyId, key -> new KeyWindow());
            synchronized (window) {
                if (window.removed) continue;
                window.advance(bucket);
                window.add(bucket);
                return;
            }
        }
    }

    private long lifetimeMinutes() {
        return bucketMillis * BUCKETS / 60_000;
    }

    /** Nonces counted for all keys (for tests and the memory guard). */
    long counted() {
        return counted.get();
    }

    /** About every bucket: drops what has expired and forgets idle keys, so the map holds only recent keys. */
    private void sweepIfDue(long now, long bucket) {
        long due = nextSweep.get();
        if (bucket >= due && nextSweep.compareAndSet(due, bucket + 1)) sweep(now, bucket);
    }

    private long sweep(long now, long bucket) {
        for (var entry : keys.entrySet()) {
            KeyWindow window = entry.getValue();
            synchronized (window) {
                window.advance(bucket);
                if (window.live == 0 && window.refusedUntil <= now) {
                    window.removed = true;
                    keys.remove(entry.getKey(), window);
                }
            }
        }
        return counted.get();
    }

    /** One key's counts per bucket: slot {@code b % (BUCKETS + 1)} holds bucket {@code b} while it is live. */
    private final class KeyWindow {

        private final long[] buckets = new long[BUCKETS + 1];
        private final int[] counts = new int[BUCKETS + 1];
        private long advancedTo = -1;
        int live;
        long refusedUntil;
        boolean removed;

        /** Uncounts the buckets that expired: bucket b holds nonces that expire before the end of bucket b + BUCKETS. */
        void advance(long bucket) {
            if (bucket == advancedTo) return;
            advancedTo = bucket;
            for (int slot = 0; slot < counts.length; slot++) {
                if (counts[slot] > 0 && buckets[slot] < bucket - BUCKETS) {
                    live -= counts[slot];
                    counted.addAndGet(-counts[slot]);
                    counts[slot] = 0;
                }
            }
        }

        void add(long bucket) {
            int slot = (int) (bucket % counts.length);
            buckets[slot] = bucket;
            counts[slot]++;
            live++;
            counted.incrementAndGet();
        }

        /** When enough of the oldest buckets will have expired for the key to be under its cap again. */
        long belowCapAt(long bucket) {
            int left = live;
            for (long b = bucket - BUCKETS; b <= bucket && left >= perKey; b++) {
                int slot = (int) (b % counts.length);
                if (buckets[slot] == b) left -= counts[slot];
                if (left < perKey) return (b + BUCKETS + 1) * bucketMillis;
            }
            return 0;
        }
    }
}
