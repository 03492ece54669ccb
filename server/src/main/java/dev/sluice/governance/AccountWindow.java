package dev.sluice.governance;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
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

    private final Map<String, Bucket> buckets = new HashMap<>();
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
        List<LimitState> states = new ArrayList<>();

        // QPS first: estimate every bucket, take from none until all agree.
        List<Bucket> toTake = new ArrayList<>();
        for (Limit limit : PlanLimits.qps(plan, demand.level(), demand.type())) {
            Bucket bucket = bucket(limit);
            EstimationProbe probe = bucket.estimateAbilityToConsume(1);
            if (!probe.canBeConsumed()) {
                return Admission.refused(limit, Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toMillis()),
                        new LimitState(limit, 0, 1, 1));
            }
            toTake.add(bucket);
        }
        long untilTomorrow = Math.max(0, dayEndMillis - now);
        for (Limit limit : PlanLimits.daily(plan, demand.level(), demand.type())) {
            long used = dailyUsed(limit, demand);
            if (used >= limit.quota()) {
                return Admission.refused(limit, untilTomorrow, new LimitState(limit, 0, 86_400, seconds(untilTomorrow)));
            }
        }
        Limit monthly = PlanLimits.monthly(plan);
        long untilNextMonth = Math.max(0, monthEndMillis - now);
        boolean beyondFree = monthTotal >= plan.monthlyFree();
        if (beyondFree && !demand.mayBill()) {
            return Admission.refused(monthly, untilNextMonth, new LimitState(monthly, 0, monthSeconds, seconds(untilNextMonth)));
        }

        // Every limit agreed: take from all of them.
        for (Bucket bucket : toTake) bucket.tryConsume(1);
        dayByLevel[demand.level()]++;
        if (demand.type() == OperationType.READ) dayRead++; else dayWrite++;
        monthTotal++;

        int i = 0;
        for (Limit limit : PlanLimits.qps(plan, demand.level(), demand.type())) {
            states.add(new LimitState(limit, toTake.get(i++).getAvailableTokens(), 1, 1));
        }
        for (Limit limit : PlanLimits.daily(plan, demand.level(), demand.type())) {
            states.add(new LimitState(limit, Math.max(0, limit.quota() - dailyUsed(limit, demand)), 86_400, seconds(untilTomorrow)));
        }
        if (!beyondFree) {
            states.add(new LimitState(monthly, Math.max(0, plan.monthlyFree() - monthTotal), monthSeconds, seconds(untilNextMonth)));
        }
        LimitState nearest = states.stream().min(Comparator.comparingDouble(LimitState::headroom)).orElse(null);
        return Admission.admitted(beyondFree, nearest);
    }

    /**
     * Gives back what {@link #admit} took for this call: its QPS tokens (capped at capacity by Bucket4j), its day
     * counts if the day has not changed since, its month count if the month has not.
     */
    void giveBack(Demand demand, ZoneId zone) {
        LocalDate callDay = LocalDate.ofInstant(demand.at(), zone);
        roll(demand.at(), zone);
        for (Limit limit : PlanLimits.qps(demand.plan(), demand.level(), demand.type())) bucket(limit).addTokens(1);
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
