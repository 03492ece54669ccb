package dev.sluice.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.plan.Plan;

/**
 * {@code ./sluice bench jmh}: the cost of one counted admission decision on the embedded counters (every QPS bucket,
 * daily cap and the monthly quota of the Basic plan checked and taken), for one busy account shared by all threads
 * and for calls spread over many accounts.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class AdmissionDecisionBenchmark {

    @Param({"1", "10000"})
    int accounts;

    LocalCounters counters;
    Plan plan;

    @Setup
    public void setUp() {
        counters = new LocalCounters((account, day) -> AdmittedCounts.NONE, ZoneId.of("Asia/Shanghai"), Clock.systemUTC());
        // Basic's shape with limits nothing reaches, so every decision walks every limit and takes from all of them.
        plan = new Plan("basic", Edition.BASIC, new Plan.Qps(null, 1_000_000_000, 1_000_000_000, 1_000_000_000, null, null),
                new Plan.Daily(null, Long.MAX_VALUE / 2, Long.MAX_VALUE / 2, null, null), Long.MAX_VALUE / 2, true,
                new BigDecimal("0.05"));
    }

    @Benchmark
    public Admission admitOneCall() {
        long account = accounts == 1 ? 1 : java.util.concurrent.ThreadLocalRandom.current().nextInt(accounts);
        return counters.admit(new Demand(account, "cn-hangzhou", plan, true, 1, OperationType.READ, java.time.Instant.now()));
    }
}
