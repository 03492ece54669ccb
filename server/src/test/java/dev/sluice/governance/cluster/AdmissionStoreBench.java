package dev.sluice.governance.cluster;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntPredicate;

import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;
import dev.sluice.governance.Demand;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.plan.Plan;
import dev.sluice.testsupport.OwnRedis;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;

/**
 * {@code ./sluice bench admission-store}: counted admission against a Redis of its own, two ways. (1) Sluice's single
 * script: QPS buckets, daily caps and monthly quota in one EVALSHA (batched as the server does, and every call alone). (2) Bucket4j's Lettuce proxy for the QPS bucket
 * (compare-and-swap: a GET, then a CAS script, again on conflict) followed by a script for the daily and monthly
 * counts, giving the token back when that refuses. Prints calls per second and Redis commands per call
 * ({@code INFO commandstats} deltas; commands that scripts run inside Redis are listed apart).
 */
public final class AdmissionStoreBench {

    private static final Plan PLAN = new Plan("bench", Edition.INTELLIGENT, new Plan.Qps(null, 10_000_000, 10_000_000, 10_000_000,
            null, null), new Plan.Daily(null, 1_000_000_000L, 1_000_000_000L, null, null), 2_000_000_000L, true, new BigDecimal("0.05"));

    private static final String COUNTS = """
            local d = tonumber(redis.call('HGET', KEYS[1], 'l1') or '0')
            if d >= tonumber(ARGV[1]) then return 0 end
            redis.call('HINCRBY', KEYS[1], 'l1', 1)
            redis.call('HINCRBY', KEYS[1], 'mt', 1)
            redis.call('PEXPIRE', KEYS[1], 3024000000)
            return 1
            """;

    public static void main(String[] args) throws Exception {
        int callers = intArg(args, "--clients", 16);
        Duration round = Duration.ofSeconds(intArg(args, "--seconds", 5));
        try (OwnRedis redis = OwnRedis.start(); RedisLink link = new RedisLink(redis.url(), Duration.ofSeconds(2))) {
            RedisCommands<String, String> commands = link.commands();
            ClusterKeys keys = new ClusterKeys("bench:");
            RedisScripts scripts = new RedisScripts(link);
            LedgerRebuild rebuild = new LedgerRebuild(scripts, keys, (account, day) -> AdmittedCounts.NONE, Duration.ZERO);
            RedisCounters single = new RedisCounters(scripts, keys, rebuild, ZoneId.of("Asia/Shanghai"), false);
            RedisCounters unbatched = new RedisCounters(scripts, new AdmissionBatches(scripts, 1), keys, rebuild, ZoneId.of("Asia/Shanghai"), false);

            RedisClient client = RedisClient.create(redis.url());
            StatefulRedisConnection<String, byte[]> bytes = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            LettuceBasedProxyManager<String> buckets = Bucket4jLettuce.casBasedBuilder(bytes).build();
            BucketConfiguration configuration = BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(10_000_000).refillGreedy(10_000_000, Duration.ofSeconds(1))).build();

            System.out.printf("clients=%d, round=%ss, cores=%d, one account (the contended case: every call touches the same keys)%n",
                    callers, round.toSeconds(), Runtime.getRuntime().availableProcessors());
            IntPredicate sluice = i -> single.admit(new Demand(1, "cn-hangzhou", PLAN, true, 1, OperationType.READ, Instant.now())).admitted();
            IntPredicate alone = i -> unbatched.admit(new Demand(1, "cn-hangzhou", PLAN, true, 1, OperationType.READ, Instant.now())).admitted();
            IntPredicate bucket4j = i -> {
                BucketProxy bucket = buckets.builder().build("bench:b4j:{acct:1}", () -> configuration);
                if (!bucket.tryConsume(1)) return false;
                Long counted = commands.eval(COUNTS, ScriptOutputType.INTEGER, new String[] {"bench:b4j:{acct:1}:usage"}, "1000000000");
                if (counted != 1) bucket.addTokens(1);
                return counted == 1;
            };
            // What the client sends; everything else in the statistics ran inside a script.
            Set<String> sluiceSends = Set.of("evalsha", "eval");
            Set<String> bucket4jSends = Set.of("get", "evalsha", "eval");
            run("warm-up single script", sluice, sluiceSends, callers, Duration.ofSeconds(2), commands);
            run("warm-up bucket4j+script", bucket4j, bucket4jSends, callers, Duration.ofSeconds(2), commands);
            double a = run("single script (Sluice, calls arriving together batched)", sluice, sluiceSends, callers, round, commands);
            run("single script, every call alone (admission-batch=1)", alone, sluiceSends, callers, round, commands);
            double b = run("Bucket4j-Lettuce + script", bucket4j, bucket4jSends, callers, round, commands);
            System.out.printf(Locale.ROOT, "single script / Bucket4j+script = %.2f%n", a / b);
            bytes.close();
            client.shutdown();
        }
    }

    private static double run(String name, IntPredicate admission, Set<String> clientSends, int callers, Duration duration,
                              RedisCommands<String, String> commands) throws InterruptedException {
        Map<String, Long> before = RedisCommandStats.read(commands);
        LongAdder admitted = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (running.get()) if (admission.test(0)) admitted.increment();
            }));
        }
        Thread.sleep(duration);
        running.set(false);
        for (Thread thread : threads) thread.join();
        double rate = admitted.sum() / ((System.nanoTime() - started) / 1e9);
        Map<String, Long> delta = RedisCommandStats.delta(before, RedisCommandStats.read(commands));
        delta.remove("info");
        long calls = Math.max(1, admitted.sum());
        StringBuilder sent = new StringBuilder();
        StringBuilder inside = new StringBuilder();
        double sentPerCall = 0;
        for (var entry : new java.util.TreeMap<>(delta).entrySet()) {
            double perCall = (double) entry.getValue() / calls;
            String item = String.format(Locale.ROOT, " %s=%.2f", entry.getKey(), perCall);
            if (clientSends.contains(entry.getKey())) {
                sent.append(item);
                sentPerCall += perCall;
            } else {
                inside.append(item);
            }
        }
        if (!name.startsWith("warm-up")) {
            System.out.printf(Locale.ROOT, "%s: %.0f admitted calls/s; Redis commands sent per call %.2f (%s ); run inside scripts (%s )%n",
                    name, rate, sentPerCall, sent.toString().trim(), inside.toString().trim());
        }
        return rate;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
