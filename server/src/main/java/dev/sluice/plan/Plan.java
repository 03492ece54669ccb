package dev.sluice.plan;

import java.math.BigDecimal;
import java.util.Objects;

import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;

/**
 * The limits of one plan: QPS and daily caps (keyed by throttling level, or by read/write type), the monthly free
 * quota, whether calls beyond it may be billed, and the price. A null limit means "no limit".
 *
 * @param edition the product edition the plan unlocks, for the edition gate
 */
public record Plan(String name, Edition edition, Qps qps, Daily daily, long monthlyFree, boolean payAsYouGo,
                   BigDecimal pricePer10k) {

    /** Calls per second; {@code total} spans every level. */
    public record Qps(Integer total, Integer level1, Integer level2, Integer level3, Integer read, Integer write) {

        public Integer forLevel(int level) {
            return switch (level) {
                case 1 -> level1;
                case 2 -> level2;
                case 3 -> level3;
                default -> throw new IllegalArgumentException("no throttling level " + level);
            };
        }

        public Integer forType(OperationType type) {
            return type == OperationType.READ ? read : write;
        }
    }

    /** Calls per calendar day; {@code level12} is levels 1 and 2 together. */
    public record Daily(Long total, Long level12, Long level3, Long read, Long write) {

        /** The cap shared by calls of this level: level 1 and 2 share {@code level12}. */
        public Long forLevel(int level) {
            return level == 3 ? level3 : level12;
        }

        public Long forType(OperationType type) {
            return type == OperationType.READ ? read : write;
        }
    }

    public Plan {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(qps, "qps");
        Objects.requireNonNull(daily, "daily");
        Objects.requireNonNull(pricePer10k, "pricePer10k");
    }

    /** The amount due for this many billable calls: price per 10,000, pro rata, rounded half-up to the cent. */
    public BigDecimal amountFor(long billableCalls) {
        return pricePer10k.multiply(BigDecimal.valueOf(billableCalls))
                .divide(BigDecimal.valueOf(10_000), 2, java.math.RoundingMode.HALF_UP);
    }
}
