package dev.sluice.governance;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Nonces of one process, each remembered for {@link NonceClaim#remember()} (twice the clock skew, so a request whose
 * timestamp is still inside the window is always remembered).
 *
 * <p>Hand-written rather than a Caffeine cache, which this was: a node receiving thousands of calls a second holds
 * millions of nonces, and as cache entries each was a key string, a map node and a cache node that lived half an
 * hour, every one of them promoted and traced by the collector, plus maintenance work handed to the common pool on
 * every write. Measured with {@code ./sluice bench admission} (README, "Benchmarks"): the cache cost about a tenth of
 * governance's CPU per call. Here a nonce is a 128-bit fingerprint and an expiry in plain {@code long} arrays, which
 * the collector never looks inside, in striped open-addressing tables whose expired slots are reused in place.
 *
 * <p>The fingerprint is a truncated SHA-256 of AccessKey id and nonce, so equal nonces always meet: a replay can never
 * slip through. Two different nonces sharing 128 bits (a false "already used") is out of reach for random nonces,
 * and a caller who crafts one only refuses its own request.
 *
 * <p>A nonce is never forgotten before it expires, whatever the load: the memory is bounded by {@link NonceBudget},
 * per AccessKey and in all, before a nonce gets here. (This table used to forget the oldest nonces of a full stripe,
 * so one key's flood could push out another key's nonces and make them replayable; and a stripe is chosen by hash,
 * which a caller can aim at.)
 */
final class LocalNonceRegistry implements NonceRegistry {

    private static final int STRIPE_BITS = 6;
    private static final MessageDigest SHA256 = sha256();

    private final Clock clock;
    private final Stripe[] stripes = new Stripe[1 << STRIPE_BITS];

    /** 24 bytes a nonce (twice that while a table is half full); how many there are is {@link NonceBudget}'s business. */
    LocalNonceRegistry(Clock clock) {
        this.clock = clock;
        for (int i = 0; i < stripes.length; i++) stripes[i] = new Stripe();
    }

    @Override
    public boolean firstUse(NonceClaim claim) {
        ByteBuffer fingerprint = ByteBuffer.wrap(fingerprint(claim.accessKeyId(), claim.nonce()));
        long high = fingerprint.getLong();
        long low = fingerprint.getLong();
        long now = clock.millis();
        return stripes[(int) (high >>> (Long.SIZE - STRIPE_BITS))].firstUse(high, low, now + claim.remember().toMillis(), now);
    }

    /** Nonces currently remembered (expired ones not yet reused are not counted). */
    long size() {
        long now = clock.millis();
        long total = 0;
        for (Stripe stripe : stripes) total += stripe.live(now);
        return total;
    }

    private static byte[] fingerprint(String accessKeyId, String nonce) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA256.clone(); // cheaper than getInstance, which looks the provider up each time
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("SHA-256 of this JDK cannot be cloned", e);
        }
        digest.update(accessKeyId.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        return digest.digest(nonce.getBytes(StandardCharsets.UTF_8));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JDK", e);
        }
    }

    /**
     * One open-addressing table with linear probing: three longs per slot (fingerprint high, low, expiry; expiry 0 is
     * an empty slot). Slots never become empty again except by a rebuild, so a probe that reaches an empty slot has
     * seen every remembered copy of its fingerprint; expired slots along the way are reused.
     */
    private static final class Stripe {

        private static final int MIN_SLOTS = 1 << 8;

        private final ReentrantLock lock = new ReentrantLock();
        private long[] slots = new long[MIN_SLOTS * 3];
        private int used; // non-empty slots, live or expired

        boolean firstUse(long high, long low, long expires, long now) {
            lock.lock();
            try {
                int mask = slots.length / 3 - 1;
                int reusable = -1;
                for (int i = (int) low & mask; ; i = (i + 1) & mask) {
                    long expiry = slots[i * 3 + 2];
                    if (expiry == 0) {
                        if (reusable < 0) {
                            reusable = i;
                            used++;
                        }
                        put(reusable, high, low, expires);
                        if (used > (mask + 1) / 4 * 3) rebuild(now);
                        return true;
                    }
                    if (slots[i * 3] == high && slots[i * 3 + 1] == low) {
                        if (expiry > now) return false;
                        put(i, high, low, expires);
                        return true;
                    }
                    if (expiry <= now && reusable < 0) reusable = i;
                }
            } finally {
                lock.unlock();
            }
        }

        private void put(int slot, long high, long low, long expires) {
            slots[slot * 3] = high;
            slots[slot * 3 + 1] = low;
            slots[slot * 3 + 2] = expires;
        }

        /** Drops expired slots into a table sized for what is left: the live ones fill at most half of it. */
        private void rebuild(long now) {
            long keepAfter = now;
            int live = live(keepAfter);
            int capacity = MIN_SLOTS;
            while (capacity < live * 2L + 2) capacity <<= 1;
            long[] old = slots;
            slots = new long[capacity * 3];
            used = 0;
            int mask = capacity - 1;
            for (int s = 0; s < old.length; s += 3) {
                if (old[s + 2] <= keepAfter) continue;
                int i = (int) old[s + 1] & mask;
                while (slots[i * 3 + 2] != 0) i = (i + 1) & mask;
                put(i, old[s], old[s + 1], old[s + 2]);
                used++;
            }
        }

        int live(long now) {
            lock.lock();
            try {
                int live = 0;
                for (int s = 2; s < slots.length; s += 3) if (slots[s] > now) live++;
                return live;
            } finally {
                lock.unlock();
            }
        }
    }
}
