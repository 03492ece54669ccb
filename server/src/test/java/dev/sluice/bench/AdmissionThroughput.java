package dev.sluice.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Stream;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sluice.SluiceApplication;
import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.ServerProcess;

/**
 * {@code ./sluice bench admission}: end-to-end throughput of a signed level-1 read ({@code GetMyTenants}) through the
 * whole governance chain, ledger commit included, against the same server and operation with governance off. Both
 * servers run in this JVM on embedded H2 files, with a plan whose limits nothing reaches; rounds alternate between
 * them so that neither profits from running second. The last line is the figure: {@code ratio governed/raw = x}.
 */
public final class AdmissionThroughput {

    record Settings(int clients, Duration warmup, Duration round, int rounds) {
    }

    private record Target(String name, int port, String accessKeyId, String accessKeySecret, String tenantId, LongSupplier cpuNanos) {
    }

    public static void main(String[] args) throws Exception {
        Settings settings = new Settings(intArg(args, "--clients", 16), Duration.ofSeconds(intArg(args, "--warmup", 5)),
                Duration.ofSeconds(intArg(args, "--seconds", 8)), intArg(args, "--rounds", 3));
        Path dir = Files.createTempDirectory("sluice-bench");
        boolean cluster = Arrays.asList(args).contains("--cluster");
        boolean processes = Arrays.asList(args).contains("--processes");
        try (ClusterBackends backends = cluster ? new ClusterBackends(dir) : null;
             Side governed = Side.start(processes, "governed", dir.resolve("governed"), true,
                     withBackends(backends, true, passThrough(args, "--governed-arg")));
             Side raw = Side.start(processes, "raw", dir.resolve("raw"), false, withBackends(backends, false, new String[0]))) {
            Target g = governed.target();
            Target r = raw.target();
            System.out.printf("clients=%d, round=%ss, rounds=%d, cores=%d%n", settings.clients(), settings.round().toSeconds(),
                    settings.rounds(), Runtime.getRuntime().availableProcessors());
            for (Target only : new Target[] {g, r}) { // --governed-only, --raw-only: one side alone, for profiling
                if (!Arrays.asList(args).contains("--" + only.name() + "-only")) continue;
                drive(only, settings.clients(), settings.warmup());
                Rate rate = drive(only, settings.clients(), settings.round());
                System.out.printf(Locale.ROOT, "%s %.0f calls/s, %.0f µs CPU/call%n", only.name(), rate.callsPerSecond(), rate.cpuMicrosPerCall());
                return;
            }
            drive(g, settings.clients(), settings.warmup());
            drive(r, settings.clients(), settings.warmup());
            List<Double> ratios = new ArrayList<>();
            List<Double> governedCpu = new ArrayList<>();
            List<Double> rawCpu = new ArrayList<>();
            Map<String, Long> redisBefore = cluster ? backends.commandCalls() : Map.of();
            ConfigurableApplicationContext inJvm = governed.context(); // null when the servers are processes
            long sentBefore = cluster && inJvm != null ? redisCommandsSent(inJvm) : 0;
            long admittedBefore = inJvm != null ? admitted(inJvm) : 0;
            long answered = 0;
            for (int i = 1; i <= settings.rounds(); i++) {
                // Governed, raw, governed again, each side for one round in all: the machine's speed drifts (by a
                // quarter within minutes on the 2-core machine), and a drift that is steady over the round then
                // weighs on both sides alike instead of on whichever ran second.
                Rate governedRate = drive(g, settings.clients(), settings.round().dividedBy(2));
                Rate rawRate = drive(r, settings.clients(), settings.round());
                governedRate = governedRate.plus(drive(g, settings.clients(), settings.round().dividedBy(2)));
                answered += governedRate.answered();
                ratios.add(governedRate.callsPerSecond() / rawRate.callsPerSecond());
                governedCpu.add(governedRate.cpuMicrosPerCall());
                rawCpu.add(rawRate.cpuMicrosPerCall());
                System.out.printf(Locale.ROOT, "round %d: governed %.0f calls/s (%.0f µs CPU/call), raw %.0f calls/s (%.0f µs CPU/call), ratio %.3f%n",
                        i, governedRate.callsPerSecond(), governedRate.cpuMicrosPerCall(), rawRate.callsPerSecond(),
                        rawRate.cpuMicrosPerCall(), governedRate.callsPerSecond() / rawRate.callsPerSecond());
            }
            if (inJvm != null) {
                var registry = inJvm.getBean(io.micrometer.core.instrument.MeterRegistry.class);
                var commits = registry.get("sluice.ledger.commit").timer();
                var batches = registry.get("sluice.ledger.batch.size").summary();
                System.out.printf(Locale.ROOT, "ledger: %d commits, mean %.2f ms, mean batch %.1f calls%n", commits.count(),
                        commits.mean(java.util.concurrent.TimeUnit.MILLISECONDS), batches.mean());
            }
            if (cluster) {
                // In-JVM the node's own counts; with processes, the calls the bench saw answered (round trips: see evalsha).
                printRedisCommandsPerCall(redisBefore, backends.commandCalls(),
                        inJvm != null ? redisCommandsSent(inJvm) - sentBefore : -1,
                        inJvm != null ? admitted(inJvm) - admittedBefore : answered);
            }
            System.out.printf(Locale.ROOT, "CPU per call (median): governed %.0f µs, raw %.0f µs, governance costs %.0f µs%n",
                    median(governedCpu), median(rawCpu), median(governedCpu) - median(rawCpu));
            System.out.printf(Locale.ROOT, "ratio governed/raw = %.3f%n", median(ratios));
        }
    }

    /** Admitted calls the governed server counted in its metrics (each is one admission and one ledger record). */
    private static long admitted(ConfigurableApplicationContext context) {
        var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        return (long) registry.find("sluice.calls").tag("outcome", "admitted").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }

    /**
     * Round trips per admitted call, from the node's own count of commands sent ({@code sluice.redis.commands}), and
     * the commands Redis ran for them, from {@code INFO commandstats} (which counts those inside scripts too).
     */
    private static void printRedisCommandsPerCall(Map<String, Long> before, Map<String, Long> after, long sent, long calls) {
        StringBuilder ran = new StringBuilder();
        for (var entry : new java.util.TreeMap<>(after).entrySet()) {
            long grew = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (grew <= 0 || entry.getKey().equals("info")) continue;
            ran.append(String.format(Locale.ROOT, " %s=%.2f", entry.getKey(), (double) grew / Math.max(1, calls)));
        }
        String trips = sent < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", (double) sent / Math.max(1, calls));
        System.out.printf(Locale.ROOT, "redis: %d admitted calls; round trips per call %s; commands Redis ran per call (%s )%n",
                calls, trips, ran.toString().trim());
    }

    private static long redisCommandsSent(ConfigurableApplicationContext context) {
        var registry = context.getBean(io.micrometer.core.instrument.MeterRegistry.class);
        return (long) registry.get("sluice.redis.commands").functionCounter().count();
    }

    /** Every value given after {@code flag}, e.g. {@code --governed-arg --spring.datasource.url=...}: what-if runs. */
    private static String[] passThrough(String[] args, String flag) {
        List<String> values = new ArrayList<>();
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(flag)) values.add(args[i + 1]);
        return values.toArray(String[]::new);
    }

    private static String[] withBackends(ClusterBackends backends, boolean governed, String[] extra) {
        String[] backend = backends == null ? new String[0] : governed ? backends.governedArgs() : backends.rawArgs();
        return Stream.concat(Arrays.stream(backend), Arrays.stream(extra)).toArray(String[]::new);
    }

    /** The server settings both sides share: the bench plan's limits raised so that nothing is throttled. */
    private static List<String> serverArgs(boolean governance, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--sluice.governance.enabled=" + governance, "--sluice.jobs.enabled=false", "--logging.level.root=warn",
                "--sluice.plans.bench.edition=intelligent", "--sluice.plans.bench.qps.total=10000000",
                "--sluice.plans.bench.monthly-free=1000000000", "--sluice.plans.bench.price-per-10k=0.05",
                // One key sends every call: its nonce cap as high as the node's, the guard this bench always ran under.
                "--sluice.auth.nonces-per-key=20000000"));
        args.addAll(List.of(extra));
        return args;
    }

    /**
     * A server under test with the account the bench calls as: in this JVM ({@code context} set), or with
     * {@code --processes} a process of its own (as it runs in production: its own heap and JIT profile, which in one JVM
     * the two servers share; CPU per call is then the server's and the bench's, the client's, together).
     */
    private record Side(Target target, ConfigurableApplicationContext context, AutoCloseable stop) implements AutoCloseable {

        static Side start(boolean process, String name, Path dataDir, boolean governance, String... extra) throws Exception {
            return process ? process(name, dataDir, governance, extra) : inJvm(name, dataDir, governance, extra);
        }

        private static Side inJvm(String name, Path dataDir, boolean governance, String... extra) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--sluice.data-dir=" + dataDir,
                    "--sluice.bootstrap.enabled=false"));
            args.addAll(serverArgs(governance, extra));
            // As command-line arguments: they outrank application.yml (builder properties would not).
            ConfigurableApplicationContext context = new SpringApplicationBuilder(SluiceApplication.class).run(args.toArray(String[]::new));
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            NewAccount account = context.getBean(AccountAdmin.class).createAccount("bench", "bench", "cn-hangzhou", "owner");
            Target target = new Target(name, port, account.key().accessKeyId(), account.key().accessKeySecret(),
                    String.valueOf(account.tenant().id()), AdmissionThroughput::processCpuNanos);
            return new Side(target, context, context::close);
        }

        private static Side process(String name, Path dataDir, boolean governance, String... extra) throws Exception {
            List<String> args = serverArgs(governance, extra);
            args.addAll(List.of("--sluice.bootstrap.plan=bench", "--sluice.bootstrap.region=cn-hangzhou"));
            ServerProcess server = ServerProcess.start(dataDir, Map.of(), List.of("-Xmx1g"), args.toArray(String[]::new));
            Map<String, String> facts = server.printed().facts();
            ProcessHandle handle = ProcessHandle.of(server.pid()).orElseThrow();
            LongSupplier cpu = () -> processCpuNanos() + handle.info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
            Target target = new Target(name, server.port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"),
                    facts.get("TenantId"), cpu);
            return new Side(target, null, server::stop);
        }

        @Override
        public void close() throws Exception {
            stop.close();
        }
    }

    /**
     * Calls per second, and the whole process's CPU time per call (server, client and background work together):
     * the CPU figure does not depend on whether the machine was saturated, so it tells where a difference comes from.
     */
    private record Rate(long answered, long calls, double seconds, double cpuMicros) {

        double callsPerSecond() {
            return answered / seconds;
        }

        double cpuMicrosPerCall() {
            return cpuMicros / Math.max(1, calls);
        }

        Rate plus(Rate other) {
            return new Rate(answered + other.answered, calls + other.calls, seconds + other.seconds, cpuMicros + other.cpuMicros);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Calls per second answered 200 by {@code clients} concurrent callers during {@code duration}. */
    private static Rate drive(Target target, int clients, Duration duration) throws InterruptedException {
        RawClient client = new RawClient(target.port(), target.accessKeyId(), target.accessKeySecret());
        String tenant = target.tenantId();
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> callers = new ArrayList<>();
        long started = System.nanoTime();
        long cpuStarted = target.cpuNanos().getAsLong();
        for (int i = 0; i < clients; i++) {
            callers.add(Thread.ofVirtual().start(() -> {
                while (running.get()) {
                    if (client.call("GetMyTenants").param("OpTenantId", tenant).send().status() == 200) ok.increment();
                    else failed.increment();
                }
            }));
        }
        Thread.sleep(duration);
        running.set(false);
        for (Thread caller : callers) caller.join();
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuMicros = (target.cpuNanos().getAsLong() - cpuStarted) / 1e3;
        if (failed.sum() > 0) System.out.printf("%s: %d calls were not answered 200%n", target.name(), failed.sum());
        return new Rate(ok.sum(), ok.sum() + failed.sum(), seconds, cpuMicros);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }
}
