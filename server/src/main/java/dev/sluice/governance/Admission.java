package dev.sluice.governance;

/**
 * The counters' answer to a {@link Demand}: admitted (and whether billable), or refused by one limit with the time
 * until retrying can succeed. {@code nearest} is the limit closest to being hit after this call, for headers.
 */
public record Admission(boolean admitted, boolean billable, Limit refusedBy, long retryAfterMillis, LimitState nearest) {

    public static Admission admitted(boolean billable, LimitState nearest) {
        return new Admission(true, billable, null, 0, nearest);
    }

    public static Admission refused(Limit limit, long retryAfterMillis, LimitState state) {
        return new Admission(false, false, limit, retryAfterMillis, state);
    }
}
