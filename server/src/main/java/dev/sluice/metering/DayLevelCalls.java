package dev.sluice.metering;

import java.time.LocalDate;

/** Admitted calls of one throttling level on one day. */
public record DayLevelCalls(LocalDate day, int level, long calls) {
}
