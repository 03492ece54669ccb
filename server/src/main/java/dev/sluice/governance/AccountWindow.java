package dev.sluice.governance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.plan.Plan;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;

/**
 * The counters of one account on one node: QPS buckets and the day's and month's admitted calls. Not thread-safe:
 * {@link LocalCounters} serialises access per account, which is what makes "check every limit, then take from all"
 * atomic.
 */
final class AccountWindow {

    private static final int TYPES = OperationType.values().length;

    private final Map<String, Bucket> buckets = new HashMap<>();
    private Plan rulesPlan;
    private final Rules[] rulesBySlot = new Rules[4 * TYPES];
    private final TimeMeter time;
    private LocalDate day;
    private YearMonth month;
    private final long[] dayByLevel = new long[4];
    private long dayRead;
    private long dayWrite;
    private long monthTotal;
    // When the current day and month end, in epoch milliseconds: worked out once per day, not per call (the zone rules
    // lookups were a quarter of this class's cost under ./sluice bench admission).
    private long dayEndMillis = Long.MIN_VALUE;
    private long monthEndMillis;
    private long monthSeconds;

    AccountWindow(TimeMeter time, LocalDate today, AdmittedCounts seed) {
        this.time = time;
        this.day = today;
        this.month = YearMonth.from(today);
        dayByLevel[1] = seed.dayLevel1();
        dayByLevel[2] = seed.dayLevel2();
        dayByLevel[3] = seed.dayLevel3();
        dayRead = seed.dayRead();
        dayWrite = seed.dayWrite();
        monthTotal = seed.monthTotal();
    }

    Admission admit(Demand demand, ZoneId zone) {
        long now = demand.at().toEpochMilli();
        roll(demand.at(), zone);
        Plan plan = demand.plan();
        Rules rules = rules(plan, demand.level(), demand.type());

        // QPS first: estimate every bucket, take from none until all agree.
        for (int i = 0; i < rules.buckets().length; i++) {
            EstimationProbe probe = rules.buckets()[i].estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                Limit limit = rules.qps().get(i);
                return Admission.refused(limit, Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toMillis()),
                        new LimitState(limit, 0, 1, 1));
            }
        }
        long untilTomorrow = Math.max(0, dayEndMillis - now);
        for (Limit limit : rules.daily()) {
            long used = dailyUsed(limit, demand);
            if (used >= limit.quota()) {
                return Admission.refused(limit, untilTomorrow, new LimitState(limit, 0, 86_400, seconds(untilTomorrow)));
            }
        }
        Limit monthly = rules.monthly();
        long untilNextMonth = Math.max(0, monthEndMillis - now);
        boolean beyondFree = monthTotal >= plan.monthlyFree();
        if (beyondFree && !demand.mayBill()) {
            return Admission.refused(monthly, untilNextMonth, new LimitState(monthly, 0, monthSeconds, seconds(untilNextMonth)));
        }

        // Every limit agreed: take from all of them.
        for (Bucket bucket : rules.buckets()) bucket.tryConsume(1);
        dayByLevel[demand.level()]++;
        if (demand.type() == OperationType.READ) dayRead++; else dayWrite++;
        monthTotal++;

        // The limit nearest to being hit, for the RateLimit headers; the first of equals, in the order checked.
        LimitState nearest = null;
        for (int i = 0; i < rules.buckets().length; i++) {
            nearest = nearer(nearest, new LimitState(rules.qps().get(i), rules.buckets()[i].getAvailableTokens(), 1, 1));
        }
        for (Limit limit : rules.daily()) {
            nearest = nearer(nearest, new LimitState(limit, Math.max(0, limit.quota() - dailyUsed(limit, demand)), 86_400,
                    seconds(untilTomorrow)));
        }
        if (!beyondFree) {
            nearest = nearer(nearest, new LimitState(monthly, Math.max(0, plan.monthlyFree() - monthTotal), monthSeconds,
                    seconds(untilNextMonth)));
        }
        return Admission.admitted(beyondFree, nearest);
    }

    private static LimitState nearer(LimitState best, LimitState candidate) {
        return best == null || candidate.headroom() < best.headroom() ? candidate : best;
    }

    /**
     * The limits of one level and type under a plan, and their buckets: the same for every such call, so worked out
     * once per plan instead of per call (building them was a third of this class's cost under
     * {@code ./sluice bench admission}). A plan reloaded with other limits is another instance, and starts afresh.
     */
    private record Rules(List<Limit> qps, Bucket[] buckets, List<Limit> daily, Limit monthly) {
    }

    private Rules rules(Plan plan, int level, OperationType type) {
        if (plan != rulesPlan) {
            java.util.Arrays.fill(rulesBySlot, null);
            rulesPlan = plan;
        }
        int slot = level * TYPES + type.ordinal();
        Rules found = rulesBySlot[slot];
        if (found == null) {
            List<Limit> qps = List.copyOf(PlanLimits.qps(plan, level, type));
            found = new Rules(qps, qps.stream().map(this::bucket).toArray(Bucket[]::new),
                    List.copyOf(PlanLimits.daily(plan, level, type)), PlanLimits.monthly(plan));
            rulesBySlot[slot] = found;
        }
        return found;
    }

    /**
     * Gives back what {@link #admit} took for this call: its QPS tokens (capped at capacity by Bucket4j), its day
     * counts if the day has not changed since, its month count if the month has not.
     */
    void giveBack(Demand demand, ZoneId zone) {
        LocalDate callDay = LocalDate.ofInstant(demand.at(), zone);
        roll(demand.at(), zone);
        for (Bucket bucket : rules(demand.plan(), demand.level(), demand.type()).buckets()) bucket.addTokens(1);
        if (callDay.equals(day)) {
            if (dayByLevel[demand.level()] > 0) dayByLevel[demand.level()]--;
            if (demand.type() == OperationType.READ) dayRead = Math.max(0, dayRead - 1); else dayWrite = Math.max(0, dayWrite - 1);
        }
        if (YearMonth.from(callDay).equals(month) && monthTotal > 0) monthTotal--;
    }

    /** Moves to the instant's day and month if they are later than the current ones; never back. */
    private void roll(Instant at, ZoneId zone) {
        if (at.toEpochMilli() < dayEndMillis) return; // the same day (or a call stamped a moment before it began)
        LocalDate today = LocalDate.ofInstant(at, zone);
        if (today.isAfter(day)) {
            java.util.Arrays.fill(dayByLevel, 0);
            dayRead = 0;
            dayWrite = 0;
            day = today;
        }
        YearMonth current = YearMonth.from(today);
        if (current.isAfter(month)) {
            monthTotal = 0;
            month = current;
        }
        dayEndMillis = day.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        long monthStart = month.atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        monthEndMillis = month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant().toEpochMilli();
        monthSeconds = (monthEndMillis - monthStart) / 1000;
    }

    private long dailyUsed(Limit limit, Demand demand) {
        return switch (limit.scope()) {
            case "all levels" -> dayByLevel[1] + dayByLevel[2] + dayByLevel[3];
            case "levels 1 and 2" -> dayByLevel[1] + dayByLevel[2];
            case "level 3" -> dayByLevel[3];
            case "read" -> dayRead;
            case "write" -> dayWrite;
            default -> throw new IllegalStateException("unknown daily scope " + limit.scope());
        };
    }

    private Bucket bucket(Limit limit) {
        // The quota is part of the key, so a plan change takes effect with a fresh bucket.
        return buckets.computeIfAbsent(limit.scope() + "/" + limit.quota(), key -> Bucket.builder()
                .addLimit(bandwidth -> bandwidth.capacity(limit.quota()).refillGreedy(limit.quota(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(time)
                .build());
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }
}
