package dev.sluice.gateway;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids in Alibaba Cloud's shape (an upper-case UUID), time-ordered as RFC 9562 version 7: 48 bits of epoch
 * milliseconds, then random bits. The id is the ledger's primary key, and ids that grow with time are inserted at the
 * right edge of its index instead of at random places, which is most of what a ledger insert costs. Uniqueness
 * matters (74 random bits per millisecond), unpredictability does not.
 */
final class RequestIds {

    private RequestIds() {
    }

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (System.currentTimeMillis() << 16) | 0x7000L | (random.nextInt() & 0x0FFF); // version 7
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;            // IETF variant
        return new UUID(high, low).toString().toUpperCase(Locale.ROOT);
    }
}
