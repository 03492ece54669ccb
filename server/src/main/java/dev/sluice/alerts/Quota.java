package dev.sluice.alerts;

/** The limits an alert can be about: the monthly free quota, or one of the plan's daily caps. */
public enum Quota {
    MONTHLY_FREE,
    DAILY_TOTAL,
    DAILY_LEVEL12,
    DAILY_LEVEL3,
    DAILY_READ,
    DAILY_WRITE;

    public boolean isDaily() {
        return this != MONTHLY_FREE;
    }
}
