package dev.sluice.governance.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;
import dev.sluice.governance.Admission;
import dev.sluice.governance.Demand;
import dev.sluice.governance.NonceClaim;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.plan.Plan;
import dev.sluice.testsupport.OwnRedis;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The Lua side on its own, against a Redis of the test's own (so command statistics and FLUSHALL touch nobody else):
 * key format, TTLs, the server clock, one round trip per admission, rebuild after a flush, epochs on give-back.
 */
class ClusterAdmissionScriptTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Plan PLAN = new Plan("test", Edition.INTELLIGENT, new Plan.Qps(null, 50, 20, 5, null, null),
            new Plan.Daily(null, 50_000L, 3L, null, null), 1_000_000, false, new BigDecimal("0.05"));

    static OwnRedis redis;
    static RedisLink link;
    static RedisCommands<String, String> commands;
    final ClusterKeys keys = new ClusterKeys("sluice:");
    final RedisScripts scripts = new RedisScripts(link);
    final AtomicReference<AdmittedCounts> ledger = new AtomicReference<>(AdmittedCounts.NONE);

    @BeforeAll
    static void start() throws Exception {
        redis = OwnRedis.start();
        link = new RedisLink(redis.url(), Duration.ofSeconds(2));
        commands = link.commands();
    }

    @AfterAll
    static void stop() throws Exception {
        link.close();
        redis.close();
    }

    @BeforeEach
    void empty() {
        commands.flushall();
    }

    RedisCounters counters(Duration settle) {
        return new RedisCounters(scripts, keys, new LedgerRebuild(scripts, keys, (account, day) -> ledger.get(), settle), SHANGHAI, false);
    }

    static Demand demand(int level) {
        return new Demand(1001, "cn-hangzhou", PLAN, false, level, OperationType.READ, Instant.now());
    }

    @Test
    void keysShareOneHashTagPerAccountAndRegion() {
        assertThat(keys.qps(1001, "cn-hangzhou")).isEqualTo("sluice:{acct:1001:cn-hangzhou}:qps");
        assertThat(keys.usage(1001, "cn-hangzhou")).isEqualTo("sluice:{acct:1001:cn-hangzhou}:usage");
        assertThat(keys.nonce(nonce("LTAI1", "n-1"))).isEqualTo("sluice:{acct:1001:cn-hangzhou}:nonce:LTAI1:n-1");
    }

    @Test
    void everyKeyExpiresByItself() {
        assertThat(counters(Duration.ZERO).admit(demand(3)).admitted()).isTrue();
        new RedisNonceRegistry(link, keys, null).firstUse(nonce("LTAI1", "n-1"));
        List<String> all = commands.keys("*");
        assertThat(all).contains(keys.qps(1001, "cn-hangzhou"), keys.usage(1001, "cn-hangzhou"), keys.settled());
        for (String key : all) assertThat(commands.pttl(key)).as(key).isPositive();
        assertThat(commands.pttl(keys.qps(1001, "cn-hangzhou"))).isLessThanOrEqualTo(2000);
        assertThat(commands.pttl(keys.nonce(nonce("LTAI1", "n-1")))).isBetween(1_700_000L, 1_800_000L);
    }

    @Test
    void withoutANowArgumentTheScriptUsesTheRedisServersClock() {
        counters(Duration.ZERO).admit(demand(3));
        String field = "qps-level3/5:ts";
        long stamped = Long.parseLong(commands.hget(keys.qps(1001, "cn-hangzhou"), field));
        List<String> time = commands.time();
        long redisNow = Long.parseLong(time.get(0)) * 1_000_000 + Long.parseLong(time.get(1));
        assertThat(redisNow - stamped).isBetween(0L, 1_000_000L);
    }

    @Test
    void anAdmissionIsOneRoundTripOfOneScript() {
        RedisCounters counters = counters(Duration.ZERO);
        counters.admit(demand(1)); // rebuilds the missing counts first
        Map<String, Long> before = RedisCommandStats.read(commands);
        for (int i = 0; i < 20; i++) assertThat(counters.admit(demand(1)).admitted()).isTrue();
        Map<String, Long> delta = RedisCommandStats.delta(before, RedisCommandStats.read(commands));
        assertThat(delta).as("commandstats delta").containsEntry("evalsha", 20L);
        assertThat(delta.keySet()).as("commands sent by the client").filteredOn(RedisCommandStats::clientIssued)
                .containsOnly("evalsha", "info");
    }

    @Test
    void concurrentCallsOfOneAccountShareScriptCallsAndTheCapStillHoldsExactly() throws Exception {
        AdmissionBatches batches = new AdmissionBatches(scripts, 64);
        RedisCounters counters = new RedisCounters(scripts, batches, keys,
                new LedgerRebuild(scripts, keys, (account, day) -> ledger.get(), Duration.ZERO), SHANGHAI, false);
        Plan capped = new Plan("capped", Edition.INTELLIGENT, new Plan.Qps(null, 100_000, 100_000, 100_000, null, null),
                new Plan.Daily(null, 1_000_000L, 150L, null, null), 1_000_000, false, new BigDecimal("0.05"));
        counters.admit(new Demand(1001, "cn-hangzhou", capped, false, 1, OperationType.READ, Instant.now())); // rebuild
        Map<String, Long> before = RedisCommandStats.read(commands);
        long scriptsBefore = batches.scriptCalls();
        long decidedBefore = batches.callsDecided();
        AtomicInteger admitted = new AtomicInteger();
        int callers = 40, callsEach = 10;
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int t = 0; t < callers; t++) {
                threads.submit(() -> {
                    go.await();
                    for (int i = 0; i < callsEach; i++) {
                        Demand call = new Demand(1001, "cn-hangzhou", capped, false, 3, OperationType.READ, Instant.now());
                        if (counters.admit(call).admitted()) admitted.incrementAndGet();
                    }
                    return null;
                });
            }
            go.countDown();
        }
        assertThat(admitted).as("level-3 daily cap 150 of 400 concurrent calls").hasValue(150);
        assertThat(commands.hget(keys.usage(1001, "cn-hangzhou"), "l3")).isEqualTo("150");
        long scriptCalls = RedisCommandStats.delta(before, RedisCommandStats.read(commands)).get("evalsha");
        assertThat(scriptCalls).as("calls arriving together share a script call").isLessThan(callers * callsEach);
        assertThat(batches.scriptCalls() - scriptsBefore).as("the node's count of script calls").isEqualTo(scriptCalls);
        assertThat(batches.callsDecided() - decidedBefore).as("calls those script calls decided").isEqualTo(callers * callsEach);
    }

    @Test
    @SuppressWarnings("unchecked")
    void oneScriptCallDecidesItsCallsInTurnAgainstWhatTheEarlierOnesTook() {
        counters(Duration.ZERO).admit(demand(1)); // rebuilds the missing counts first
        String nonce = keys.nonce(nonce("LTAI1", "n-5"));
        // Three level-3 calls in one script call: a bucket of one token per second, the first two with the same nonce.
        String[] call = {"", "28800", "3", "r", "0", "1000000", "1", "qps-level3/1", "1", "1", "3", "100", "1800000"};
        String[] withoutNonce = call.clone();
        withoutNonce[12] = "";
        List<String> args = new ArrayList<>(List.of("3"));
        args.addAll(List.of(call));
        args.addAll(List.of(call));
        args.addAll(List.of(withoutNonce));
        List<Object> replies = scripts.admit(new String[] {keys.qps(1001, "cn-hangzhou"), keys.usage(1001, "cn-hangzhou"),
                nonce, nonce}, args.toArray(String[]::new));
        assertThat(replies).hasSize(3);
        assertThat(((List<?>) replies.get(0)).getFirst()).as("admitted").isEqualTo(1L);
        assertThat((List<Object>) replies.get(1)).as("the same nonce again: a replay").containsExactly(-2L);
        assertThat(((List<Object>) replies.get(2)).subList(0, 2)).as("refused by the first limit, the spent bucket")
                .containsExactly(0L, 1L);
        assertThat(commands.hget(keys.usage(1001, "cn-hangzhou"), "l3")).as("one call counted").isEqualTo("1");
    }

    @Test
    void afterAFlushCountsAreRebuiltFromTheLedgerOnceTheSettlePeriodHasPassed() throws Exception {
        RedisCounters counters = counters(Duration.ofMillis(400));
        Admission waiting = counters.admit(demand(3));
        assertThat(waiting.unavailable()).contains("rebuilt from the ledger");
        assertThat(waiting.retryAfterMillis()).isBetween(1L, 400L);
        ledger.set(new AdmittedCounts(0, 0, 2, 2, 0, 2, 0)); // two level-3 calls reached the ledger meanwhile
        Thread.sleep(450);
        assertThat(counters.admit(demand(3)).admitted()).isTrue();
        assertThat(counters.admit(demand(3)).refusedBy().scope()).as("cap 3 = 2 from the ledger + 1").isEqualTo("level 3");

        commands.del(keys.usage(1001, "cn-hangzhou")); // an idle key expiring later is rebuilt without waiting
        assertThat(counters.admit(demand(1)).admitted()).isTrue();
    }

    @Test
    void aGiveBackFromBeforeARebuildLeavesTheRebuiltCountsAlone() {
        RedisCounters counters = counters(Duration.ZERO);
        Admission before = counters.admit(demand(3));
        commands.del(keys.usage(1001, "cn-hangzhou"));
        ledger.set(new AdmittedCounts(0, 0, 2, 2, 0, 2, 0));
        assertThat(counters.admit(demand(3)).admitted()).isTrue(); // rebuilt: 2, now 3
        counters.giveBack(demand(3), before);
        assertThat(commands.hget(keys.usage(1001, "cn-hangzhou"), "l3")).isEqualTo("3");
    }

    @Test
    void nonceReplaysAreRefusedAcrossNodes() {
        RedisNonceRegistry one = new RedisNonceRegistry(link, keys, null);
        RedisNonceRegistry other = new RedisNonceRegistry(link, keys, null);
        assertThat(one.firstUse(nonce("LTAI1", "n-2"))).isTrue();
        assertThat(other.firstUse(nonce("LTAI1", "n-2"))).isFalse();
        assertThat(other.firstUse(nonce("LTAI2", "n-2"))).isTrue();
    }

    @Test
    void theAdmissionScriptRecordsTheNonceWithTheCountsInTheSameRoundTrip() {
        RedisCounters counters = counters(Duration.ZERO);
        counters.admit(demand(1)); // rebuilds the missing counts first
        Map<String, Long> before = RedisCommandStats.read(commands);
        Admission first = counters.admit(withNonce(demand(1), "n-3"));
        assertThat(first.admitted()).isTrue();
        assertThat(first.nonce()).isEqualTo(Admission.NonceCheck.FIRST_USE);
        Map<String, Long> delta = RedisCommandStats.delta(before, RedisCommandStats.read(commands));
        assertThat(delta).as("one script, which ran the SET itself").containsEntry("evalsha", 1L).containsEntry("set", 1L);
        assertThat(commands.pttl(keys.nonce(nonce("LTAI1", "n-3")))).isBetween(1_700_000L, 1_800_000L);

        String before3 = commands.hget(keys.usage(1001, "cn-hangzhou"), "l1");
        Admission replay = counters.admit(withNonce(demand(1), "n-3"));
        assertThat(replay.admitted()).isFalse();
        assertThat(replay.nonce()).isEqualTo(Admission.NonceCheck.REPLAYED);
        assertThat(commands.hget(keys.usage(1001, "cn-hangzhou"), "l1")).as("a replay takes nothing").isEqualTo(before3);
        assertThat(new RedisNonceRegistry(link, keys, null).firstUse(nonce("LTAI1", "n-3")))
                .as("the registry and the script share the key").isFalse();
    }

    @Test
    void aNonceIsNotSpentWhileTheCountsAreMissingSoTheRetryAfterTheRebuildFindsItNew() {
        RedisCounters counters = counters(Duration.ZERO);
        // Counts missing: the script answers "rebuild first", the node rebuilds and asks again with the same nonce.
        Admission admission = counters.admit(withNonce(demand(1), "n-4"));
        assertThat(admission.admitted()).isTrue();
        assertThat(admission.nonce()).isEqualTo(Admission.NonceCheck.FIRST_USE);
    }

    static NonceClaim nonce(String accessKeyId, String nonce) {
        return new NonceClaim(1001, "cn-hangzhou", accessKeyId, nonce, Duration.ofMinutes(30));
    }

    static Demand withNonce(Demand demand, String nonce) {
        return new Demand(demand.accountId(), demand.region(), demand.plan(), demand.accountPayAsYouGo(), demand.level(),
                demand.type(), demand.at(), nonce("LTAI1", nonce));
    }
}
