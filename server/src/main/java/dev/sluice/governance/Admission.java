package dev.sluice.governance;

/**
 * The counters' answer to a {@link Demand}: admitted (and whether billable), refused by one limit with the time
 * until retrying can succeed, or unavailable (the counters cannot decide right now, so the call is refused with 503
 * rather than guessed). {@code nearest} is the limit closest to being hit after this call, for headers.
 * {@code receipt} is what the counters need to give the call back (opaque, null where not needed). {@code nonce} says
 * whether the counters also recorded the demand's nonce (see {@link Demand#nonce()}).
 */
public record Admission(boolean admitted, boolean billable, Limit refusedBy, long retryAfterMillis, LimitState nearest,
                        String unavailable, String receipt, NonceCheck nonce) {

    /** What the counters did with the demand's nonce. */
    public enum NonceCheck {
        /** Not looked at (no nonce, or counters that do not take nonces): the registry must record it. */
        UNCHECKED,
        /** Recorded in the same step as the counts: its first use. */
        FIRST_USE,
        /** Seen before: a replay. Nothing was taken from the counters. */
        REPLAYED
    }

    /** This answer, with the nonce found to be new by the same atomic step. */
    public Admission nonceFirstUse() {
        return new Admission(admitted, billable, refusedBy, retryAfterMillis, nearest, unavailable, receipt, NonceCheck.FIRST_USE);
    }

    /** The demand's nonce was used before: refused, nothing taken. */
    public static Admission replayed() {
        return new Admission(false, false, null, 0, null, null, null, NonceCheck.REPLAYED);
    }

    public static Admission admitted(boolean billable, LimitState nearest) {
        return new Admission(true, billable, null, 0, nearest, null, null, NonceCheck.UNCHECKED);
    }

    public static Admission admitted(boolean billable, LimitState nearest, String receipt) {
        return new Admission(true, billable, null, 0, nearest, null, receipt, NonceCheck.UNCHECKED);
    }

    public static Admission refused(Limit limit, long retryAfterMillis, LimitState state) {
        return new Admission(false, false, limit, retryAfterMillis, state, null, null, NonceCheck.UNCHECKED);
    }

    /** The counters cannot decide (their store is down or being rebuilt): refuse with 503, never admit uncounted. */
    public static Admission unavailable(String why, long retryAfterMillis) {
        return new Admission(false, false, null, retryAfterMillis, null, why, null, NonceCheck.UNCHECKED);
    }
}
