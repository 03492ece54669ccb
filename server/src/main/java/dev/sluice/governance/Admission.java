package dev.sluice.governance;

/**
 * The counters' answer to a {@link Demand}: admitted (and whether billable), refused by one limit with the time
 * until retrying can succeed, or unavailable (the counters cannot decide right now, so the call is refused with 503
 * rather than guessed). {@code nearest} is the limit closest to being hit after this call, for headers.
 * {@code receipt} is what the counters need to give the call back (opaque, null where not needed).
 */
public record Admission(boolean admitted, boolean billable, Limit refusedBy, long retryAfterMillis, LimitState nearest,
                        String unavailable, String receipt) {

    public static Admission admitted(boolean billable, LimitState nearest) {
        return new Admission(true, billable, null, 0, nearest, null, null);
    }

    public static Admission admitted(boolean billable, LimitState nearest, String receipt) {
        return new Admission(true, billable, null, 0, nearest, null, receipt);
    }

    public static Admission refused(Limit limit, long retryAfterMillis, LimitState state) {
        return new Admission(false, false, limit, retryAfterMillis, state, null, null);
    }

    /** The counters cannot decide (their store is down or being rebuilt): refuse with 503, never admit uncounted. */
    public static Admission unavailable(String why, long retryAfterMillis) {
        return new Admission(false, false, null, retryAfterMillis, null, why, null);
    }
}
