package dev.sluice.metering;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

import dev.sluice.plan.Plan;

/**
 * An account's usage in one calendar month, as the usage API and the console show it.
 *
 * @param freeQuotaUsed calls taken from the monthly free quota (at most the quota)
 * @param billableCalls calls beyond the free quota, billed pay-as-you-go
 * @param amountDue     {@link Plan#amountFor(long)} of the billable calls
 * @param callsToday    admitted calls today, when the month is the current one; otherwise 0
 * @param refused       refused calls of the month by refusal code, most frequent first
 */
public record MonthUsage(YearMonth month, Plan plan, String region, boolean payAsYouGo, long calls, long freeQuotaUsed,
                         long billableCalls, BigDecimal amountDue, long callsToday, List<Refusals> refused) {

    public static final String CURRENCY = "USD";

    public record Refusals(String code, long calls) {
    }

    public long freeQuotaRemaining() {
        return Math.max(0, plan.monthlyFree() - freeQuotaUsed);
    }
}
