package dev.sluice.alerts;

import java.time.Instant;

/**
 * An account crossed {@code threshold} percent of a quota in a period: {@code yyyy-MM} for the monthly free quota,
 * {@code yyyy-MM-dd} for a daily cap (days and months in the plans' zone). Recorded once per threshold and period.
 *
 * @param used  the calls counted against the quota when the crossing was noticed
 * @param limit the quota or cap at that moment
 */
public record QuotaAlert(long accountId, Quota quota, String period, int threshold, long used, long limit, Instant raisedAt) {

    public static final int WARNING = 80;
    public static final int REACHED = 100;

    public boolean reached() {
        return threshold >= REACHED;
    }
}
