package dev.sluice.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.metering.UsageCounts;
import dev.sluice.plan.Plan;
import dev.sluice.testsupport.MutableClock;

/**
 * What every implementation of {@link AdmissionCounters} must do, embedded or cluster: one contract, several
 * backends, each a subclass that says how to make its counters.
 */
public abstract class AdmissionCountersContract {

    protected static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    protected final MutableClock clock = new MutableClock(at(2026, 11, 23, 10, 0, 0));
    AdmissionCounters counters;

    /** Fresh counters (no state shared with other tests) in {@link #SHANGHAI}, seeded from {@code ledger}. */
    protected abstract AdmissionCounters counters(UsageCounts ledger, Clock clock);

    @BeforeEach
    public void freshCounters() {
        counters = counters((account, day) -> AdmittedCounts.NONE, clock);
    }

    static Instant at(int year, int month, int day, int hour, int minute, int second) {
        return LocalDateTime.of(year, month, day, hour, minute, second).atZone(SHANGHAI).toInstant();
    }

    static Plan plan(Plan.Qps qps, Plan.Daily daily, long monthlyFree, boolean payAsYouGo) {
        return new Plan("test", Edition.INTELLIGENT, qps, daily, monthlyFree, payAsYouGo, new BigDecimal("0.05"));
    }

    static Plan.Qps qps(Integer total, Integer l1, Integer l2, Integer l3) {
        return new Plan.Qps(total, l1, l2, l3, null, null);
    }

    static Plan.Daily daily(Long total, Long l12, Long l3) {
        return new Plan.Daily(total, l12, l3, null, null);
    }

    Admission call(Plan plan, int level, long account, boolean accountPayg) {
        return counters.admit(new Demand(account, "cn-hangzhou", plan, accountPayg, level, OperationType.READ, clock.instant()));
    }

    Admission call(Plan plan, int level) {
        return call(plan, level, 1, false);
    }

    @Test
    public void aDailyCapOfNAdmitsExactlyNUnderConcurrentCallers() throws Exception {
        Plan plan = plan(qps(null, 100_000, 100_000, 100_000), daily(100L, null, null), 1_000_000, false);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) calls.add(() -> call(plan, 1 + (int) (Thread.currentThread().threadId() % 3)).admitted());
        int admitted = 0;
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (Future<Boolean> result : pool.invokeAll(calls)) if (result.get()) admitted++;
        }
        assertThat(admitted).isEqualTo(100);
        Admission refused = call(plan, 1);
        assertThat(refused.refusedBy().kind()).isEqualTo(Limit.Kind.DAILY);
        assertThat(refused.refusedBy().describe()).contains("100");
    }

    @Test
    public void levelsOneAndTwoShareTheirDailyCapWhileLevelThreeHasItsOwn() {
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(null, 3L, 2L), 1_000_000, false);
        assertThat(call(plan, 1).admitted()).isTrue();
        assertThat(call(plan, 2).admitted()).isTrue();
        assertThat(call(plan, 1).admitted()).isTrue();
        assertThat(call(plan, 2).refusedBy().scope()).isEqualTo("levels 1 and 2");
        assertThat(call(plan, 3).admitted()).isTrue();
        assertThat(call(plan, 3).admitted()).isTrue();
        assertThat(call(plan, 3).refusedBy().scope()).isEqualTo("level 3");
    }

    @Test
    public void qpsIsATokenBucketWithOneSecondOfBurstRefilledContinuously() {
        Plan plan = plan(qps(null, 50, 20, 5), daily(null, null, null), 1_000_000, false);
        for (int i = 0; i < 5; i++) assertThat(call(plan, 3).admitted()).isTrue();
        Admission throttled = call(plan, 3);
        assertThat(throttled.admitted()).isFalse();
        assertThat(throttled.refusedBy().describe()).isEqualTo("level 3 QPS limit 5");
        assertThat(throttled.retryAfterMillis()).isBetween(1L, 200L);
        assertThat(call(plan, 1).admitted()).as("another level has its own bucket").isTrue();

        clock.advance(Duration.ofMillis(200));
        assertThat(call(plan, 3).admitted()).isTrue();
        assertThat(call(plan, 3).admitted()).isFalse();
    }

    @Test
    public void theEditionWideBucketSpansAllLevels() {
        Plan plan = plan(qps(5, null, null, null), daily(1000L, null, null), 1_000_000, false);
        for (int level : new int[] {1, 2, 3, 1, 2}) assertThat(call(plan, level).admitted()).isTrue();
        assertThat(call(plan, 3).refusedBy().scope()).isEqualTo("all levels");
    }

    @Test
    public void aCallRefusedByTheDailyCapTakesNoQpsToken() {
        Plan plan = plan(qps(3, null, null, null), daily(null, null, 1L), 1_000_000, false);
        assertThat(call(plan, 3).admitted()).isTrue();                      // 2 tokens left
        assertThat(call(plan, 3).refusedBy().kind()).isEqualTo(Limit.Kind.DAILY);
        assertThat(call(plan, 1).admitted()).isTrue();                      // would fail had the refusal taken a token
        assertThat(call(plan, 1).admitted()).isTrue();
        assertThat(call(plan, 1).refusedBy().kind()).isEqualTo(Limit.Kind.QPS);
    }

    @Test
    public void theDayRollsOverAtMidnightInTheConfiguredZone() {
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(1L, null, null), 1_000_000, false);
        clock.set(at(2026, 11, 23, 23, 59, 58));
        assertThat(call(plan, 1).admitted()).isTrue();
        clock.set(at(2026, 11, 23, 23, 59, 59));
        Admission refused = call(plan, 1);
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.retryAfterMillis()).isEqualTo(1000);
        clock.set(at(2026, 11, 24, 0, 0, 0));
        assertThat(call(plan, 1).admitted()).isTrue();
    }

    @Test
    public void theMonthlyFreeQuotaRestartsOnTheFirstAndWithoutPayAsYouGoIsAHardStop() {
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(null, null, null), 3, true);
        clock.set(at(2026, 11, 30, 12, 0, 0));
        for (int i = 0; i < 3; i++) assertThat(call(plan, 1, 7, false).billable()).isFalse();
        Admission stop = call(plan, 1, 7, false);
        assertThat(stop.admitted()).isFalse();
        assertThat(stop.refusedBy().kind()).isEqualTo(Limit.Kind.MONTHLY_FREE);
        clock.set(at(2026, 11, 30, 23, 59, 59));
        assertThat(call(plan, 1, 7, false).admitted()).isFalse();
        clock.set(at(2026, 12, 1, 0, 0, 0));
        assertThat(call(plan, 1, 7, false).admitted()).isTrue();
    }

    @Test
    public void beyondTheFreeQuotaPayAsYouGoAdmitsAndBills() {
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(null, null, null), 2, true);
        assertThat(call(plan, 1, 8, true).billable()).isFalse();
        assertThat(call(plan, 1, 8, true).billable()).isFalse();
        Admission third = call(plan, 1, 8, true);
        assertThat(third.admitted()).isTrue();
        assertThat(third.billable()).isTrue();

        Plan noPayg = plan(qps(null, 1000, 1000, 1000), daily(null, null, null), 0, false);
        assertThat(call(noPayg, 1, 9, true).admitted()).as("the plan forbids pay-as-you-go").isFalse();
    }

    @Test
    public void countersStartFromTheLedgerAfterARestart() {
        AdmissionCounters restarted = counters((account, day) -> new AdmittedCounts(60, 39, 0, 99, 0, 99, 0), clock);
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(100L, null, null), 1_000_000, false);
        Demand demand = new Demand(1, "cn-hangzhou", plan, false, 1, OperationType.READ, clock.instant());
        assertThat(restarted.admit(demand).admitted()).isTrue();
        assertThat(restarted.admit(demand).admitted()).isFalse();
    }

    @Test
    public void theNearestLimitIsReportedForHeaders() {
        Plan plan = plan(qps(null, 50, 20, 5), daily(null, 50_000L, 3L), 1_000_000, false);
        Admission first = call(plan, 3);
        assertThat(first.nearest().limit().id()).isEqualTo("daily-level3");
        assertThat(first.nearest().remaining()).isEqualTo(2);
        assertThat(CountedAdmission.headers(first.nearest()))
                .containsEntry("RateLimit-Policy", "\"daily-level3\";q=3;w=86400")
                .hasEntrySatisfying("RateLimit", v -> assertThat(v).startsWith("\"daily-level3\";r=2;t="));
    }

    @Test
    public void aCallGivenBackCountsAgainstNothing() {
        Plan plan = plan(qps(null, 2, 1000, 1000), daily(1L, null, null), 1_000_000, false);
        Demand demand = new Demand(11, "cn-hangzhou", plan, false, 1, OperationType.READ, clock.instant());
        Admission first = counters.admit(demand);
        assertThat(first.admitted()).isTrue();
        assertThat(counters.admit(demand).refusedBy().kind()).isEqualTo(Limit.Kind.DAILY);
        counters.giveBack(demand, first);
        Admission again = counters.admit(demand);
        assertThat(again.admitted()).as("the daily count and the QPS token came back").isTrue();
        counters.giveBack(demand, again);
        assertThat(counters.admit(demand).admitted()).isTrue();
        assertThat(counters.admit(demand).admitted()).isFalse();
    }

    @Test
    public void aCallGivenBackAfterMidnightLeavesTheNewDayAlone() {
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(1L, null, null), 1_000_000, false);
        clock.set(at(2026, 11, 23, 23, 59, 59));
        Demand late = new Demand(12, "cn-hangzhou", plan, false, 1, OperationType.READ, clock.instant());
        Admission yesterday = counters.admit(late);
        clock.set(at(2026, 11, 24, 0, 0, 1));
        Demand early = new Demand(12, "cn-hangzhou", plan, false, 1, OperationType.READ, clock.instant());
        assertThat(counters.admit(early).admitted()).isTrue();
        counters.giveBack(late, yesterday);
        assertThat(counters.admit(early).admitted()).as("yesterday's give-back did not free today's cap").isFalse();
    }

    @Test
    public void monthlyRefusalsCarryTheMonthWindowAndRetryAfterTheFirst() {
        Plan plan = plan(qps(null, 1000, 1000, 1000), daily(null, null, null), 1, false);
        clock.set(at(2026, 11, 30, 23, 0, 0));
        assertThat(call(plan, 1, 13, false).nearest().limit().kind()).isEqualTo(Limit.Kind.MONTHLY_FREE);
        Admission refused = call(plan, 1, 13, false);
        assertThat(refused.retryAfterMillis()).isEqualTo(3_600_000);
        assertThat(refused.nearest().windowSeconds()).isEqualTo(30 * 86_400);
        assertThat(refused.nearest().resetSeconds()).isEqualTo(3_600);
    }
}
