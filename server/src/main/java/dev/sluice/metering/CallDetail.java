package dev.sluice.metering;

import java.time.LocalDate;

import dev.sluice.catalog.OperationType;

/** One row of call details: one API on one day, with the calls of that API so far in that month. */
public record CallDetail(LocalDate date, String apiName, OperationType type, int level, long calls, long monthToDate) {
}
