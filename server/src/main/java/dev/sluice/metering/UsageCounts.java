package dev.sluice.metering;

import java.time.LocalDate;

/** Reads committed usage for seeding admission counters. */
public interface UsageCounts {

    /** Admitted calls of the account on {@code day} and in the calendar month containing it (days in the plans' zone). */
    AdmittedCounts admitted(long accountId, LocalDate day);
}
