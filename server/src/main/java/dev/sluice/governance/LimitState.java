package dev.sluice.governance;

/**
 * Where a call left one limit: how much of the quota remains, the window it counts over and when it resets. The
 * gateway turns the state of the limit nearest to being hit into {@code RateLimit-Policy} / {@code RateLimit}.
 */
public record LimitState(Limit limit, long remaining, long windowSeconds, long resetSeconds) {

    /** Fraction of the quota left, for choosing the limit nearest to being hit. */
    public double headroom() {
        return limit.quota() == 0 ? 0 : (double) remaining / limit.quota();
    }
}
