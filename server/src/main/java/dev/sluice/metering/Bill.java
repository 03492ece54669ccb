package dev.sluice.metering;

import java.math.BigDecimal;

/**
 * A month's bill. A closed month's bill is kept as written when the month closed; the current month is shown
 * {@code OPEN} with its figures so far.
 *
 * @param closedAt epoch milliseconds of closing, null while open
 */
public record Bill(String month, Status status, String plan, long calls, long freeCalls, long billableCalls,
                   BigDecimal pricePer10k, BigDecimal amount, String currency, Long closedAt) {

    public enum Status { OPEN, CLOSED }
}
