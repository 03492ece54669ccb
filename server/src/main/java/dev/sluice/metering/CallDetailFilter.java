package dev.sluice.metering;

import java.time.LocalDate;

import dev.sluice.catalog.OperationType;

/** Which call details to show: a date range, and optionally one type, level, API or user (null: all). */
public record CallDetailFilter(LocalDate from, LocalDate to, OperationType type, Integer level, String apiName, Long userId) {

    public CallDetailFilter {
        if (from == null || to == null) throw new IllegalArgumentException("a date range needs both ends");
        if (to.isBefore(from)) throw new IllegalArgumentException("the range ends before it starts");
    }

    boolean matches(CallDetail row) {
        return (type == null || row.type() == type) && (level == null || row.level() == level)
                && (apiName == null || row.apiName().equals(apiName));
    }
}
