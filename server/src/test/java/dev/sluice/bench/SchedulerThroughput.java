package dev.sluice.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.sluice.SluiceApplication;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.testsupport.Cluster;
import dev.sluice.testsupport.Load;
import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.ServerProcess;
import dev.sluice.testsupport.TestPostgres;

/**
 * {@code ./sluice bench scheduler}: how many trivial instances a node dispatches per second, and how long a due instance
 * waits to start. One published VIRTUAL node (nothing to run) and one {@code SELECT 1} node on the first project's
 * managed compute: embedded DuckDB on one node in this JVM, or with {@code --cluster} a schema of the PostgreSQL that two
 * server processes share. For each kind, a backlog of {@code --instances} instances due at once (manual runs, up to 366
 * business dates each) measures the rate from the first due time to the last end; then {@code --rate} instances a
 * second for {@code --seconds}, each due when it is made, measure the delay from due time to start (p50, p99) while
 * the scheduler keeps up. The scheduler's settings are the defaults (a poll every second) unless passed with
 * {@code --server-arg}.
 */
public final class SchedulerThroughput {

    private static final Pattern FACT = Pattern.compile("^(TenantId|AccessKeyId|AccessKeySecret|ProjectId): (\\S+)$", Pattern.MULTILINE);

    public static void main(String[] args) throws Exception {
        int instances = intArg(args, "--instances", 2000);
        int rate = intArg(args, "--rate", 20);
        int seconds = intArg(args, "--seconds", 15);
        boolean cluster = Arrays.asList(args).contains("--cluster");
        List<String> serverArgs = new ArrayList<>(List.of("--logging.level.root=warn", "--sluice.bootstrap.plan=bench",
                "--sluice.plans.bench.edition=intelligent", "--sluice.plans.bench.qps.total=10000000",
                "--sluice.plans.bench.monthly-free=1000000000", "--sluice.plans.bench.price-per-10k=0.05",
                "--sluice.plans.bench.pay-as-you-go=true", "--sluice.auth.nonces-per-key=20000000"));
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals("--server-arg")) serverArgs.add(args[i + 1]);
        Path dir = Files.createTempDirectory("sluice-bench-scheduler");
        try (Nodes nodes = cluster ? Nodes.cluster(dir, serverArgs) : Nodes.single(dir, serverArgs)) {
            System.out.printf("%s, cores=%d, backlog=%d instances, paced=%d/s for %ds%n", cluster ? "2 nodes on PostgreSQL"
                    : "1 node, embedded (H2, DuckDB)", Runtime.getRuntime().availableProcessors(), instances, rate, seconds);
            Bench bench = new Bench(nodes);
            long virtual = bench.publish(999, "-- nothing");
            long select = bench.publish(51, "select 1");
            for (Map.Entry<String, Long> kind : List.of(Map.entry("VIRTUAL", virtual), Map.entry("SELECT 1", select))) {
                Backlog drained = bench.backlog(kind.getValue(), instances);
                Paced paced = bench.paced(kind.getValue(), rate, Duration.ofSeconds(seconds));
                System.out.printf(Locale.ROOT, "%-8s backlog: %d instances in %.1f s = %.0f instances/s (%d failed)%s%n", kind.getKey(),
                        drained.count(), drained.seconds(), drained.count() / drained.seconds(), drained.failed(), drained.perNode());
                System.out.printf(Locale.ROOT, "%-8s paced %d/s: due to start p50 %d ms, p99 %d ms, max %d ms (%d instances, %d failed)%n",
                        kind.getKey(), rate, paced.p50(), paced.p99(), paced.max(), paced.count(), paced.failed());
            }
        }
    }

    record Backlog(long count, double seconds, long failed, String perNode) {
    }

    record Paced(long count, long p50, long p99, long max, long failed) {
    }

    /** The server(s) under test, a client of the first, and a connection to their database. */
    interface Nodes extends AutoCloseable {

        RawClient client();

        String tenant();

        long project();

        Connection db() throws SQLException;

        static Nodes single(Path dir, List<String> serverArgs) {
            List<String> args = new ArrayList<>(List.of("--server.port=0", "--sluice.data-dir=" + dir.resolve("node")));
            args.addAll(serverArgs);
            // The first start prints the account on standard output: read it there, as a person would.
            PrintStream original = System.out;
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            System.setOut(new PrintStream(new TeeStream(original, printed), true, StandardCharsets.UTF_8));
            ConfigurableApplicationContext context;
            try {
                context = new SpringApplicationBuilder(SluiceApplication.class).run(args.toArray(String[]::new));
            } finally {
                System.setOut(original);
            }
            Map<String, String> facts = facts(printed.toString(StandardCharsets.UTF_8));
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            RawClient client = new RawClient(port, facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
            DataSource data = context.getBean(DataSource.class);
            return new Nodes() {
                public RawClient client() {
                    return client;
                }

                public String tenant() {
                    return facts.get("TenantId");
                }

                public long project() {
                    return Long.parseLong(facts.get("ProjectId"));
                }

                public Connection db() throws SQLException {
                    return data.getConnection();
                }

                public void close() {
                    context.close();
                }
            };
        }

        static Nodes cluster(Path dir, List<String> serverArgs) throws Exception {
            OwnRedis[] ownRedis = new OwnRedis[1];
            String redis = OwnRedis.sharedUrlOr(ownRedis);
            TestPostgres postgres = TestPostgres.freshDatabase(dir);
            String prefix = "bench-sched-" + UUID.randomUUID() + ":";
            List<String> args = new ArrayList<>(serverArgs);
            args.addAll(List.of("--sluice.cluster.key-prefix=" + prefix, "--sluice.cluster.settle=3s", "--sluice.sources.check-timeout=1s",
                    "--sluice.ledger.commit-deadline=1s", "--sluice.ledger.statement-timeout=1s"));
            Cluster cluster = Cluster.start(2, dir, postgres.jdbcUrl(), redis, "{}", args.toArray(String[]::new));
            Map<String, String> facts = cluster.nodes().stream().map(ServerProcess::printed).map(ServerProcess.Printed::facts)
                    .filter(f -> f.containsKey("AccessKeySecret")).findFirst().orElseThrow();
            RawClient client = new RawClient(cluster.node(0).port(), facts.get("AccessKeyId"), facts.get("AccessKeySecret"));
            Load.awaitOk(cluster.clients(new Cluster.TestAccount(0, facts.get("TenantId"), facts.get("AccessKeyId"),
                    facts.get("AccessKeySecret"))), facts.get("TenantId"), Duration.ofSeconds(60));
            return new Nodes() {
                public RawClient client() {
                    return client;
                }

                public String tenant() {
                    return facts.get("TenantId");
                }

                public long project() {
                    return Long.parseLong(facts.get("ProjectId"));
                }

                public Connection db() throws SQLException {
                    return DriverManager.getConnection(postgres.jdbcUrl());
                }

                public void close() throws Exception {
                    cluster.close();
                    postgres.close();
                    if (ownRedis[0] != null) ownRedis[0].close();
                    else OwnRedis.deleteKeys(redis, prefix);
                }
            };
        }
    }

    private record Bench(Nodes nodes) {

        long publish(int taskType, String code) throws Exception {
            String name = "bench_" + taskType + "_" + UUID.randomUUID().toString().substring(0, 6);
            RawClient.Response created = call("CreateBatchTask", "CreateCommand", Map.of("Directory", "/", "Name", name, "Description", name,
                    "ProjectId", nodes.project(), "ScheduleType", 3, "TaskType", taskType));
            long file = created.body().path("CreateResult").path("FileId").asLong();
            call("SubmitBatchTask", "SubmitCommand", Map.of("ProjectId", nodes.project(), "FileId", file, "Name", name, "Code", code,
                    "Comment", "bench", "NodeOutputNameList", List.of(name)));
            return file;
        }

        /** {@code count} instances due at once; the rate from the first due time to the last end. */
        Backlog backlog(long node, int count) throws Exception {
            List<String> flows = new ArrayList<>();
            for (int made = 0; made < count; ) {
                int days = Math.min(366, count - made);
                flows.add(run(node, java.time.LocalDate.of(2000, 1, 1), days));
                made += days;
            }
            awaitFinal(flows, count);
            try (Connection db = nodes.db(); Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("select min(due_at), max(finished_at), sum(case when status = 'FAILED' then 1 else 0 end)"
                         + " from sched_instance where flow_id in (" + quoted(flows) + ")")) {
                rs.next();
                String perNode = perNode(db, flows);
                return new Backlog(count, (rs.getLong(2) - rs.getLong(1)) / 1000.0, rs.getLong(3), perNode);
            }
        }

        /** {@code perSecond} instances a second, each due when made; the delay from due time to start. */
        Paced paced(long node, int perSecond, Duration duration) throws Exception {
            ConcurrentLinkedQueue<String> flows = new ConcurrentLinkedQueue<>();
            long total = perSecond * duration.toSeconds();
            long started = System.nanoTime();
            List<Thread> callers = new ArrayList<>();
            for (long i = 0; i < total; i++) {
                // A business date each: two runs made in the same millisecond share a flow id, not an instance.
                java.time.LocalDate day = java.time.LocalDate.of(2001, 1, 1).plusDays(i);
                long at = started + i * 1_000_000_000L / perSecond;
                long wait = at - System.nanoTime();
                if (wait > 0) Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                callers.add(Thread.ofVirtual().start(() -> {
                    try {
                        flows.add(run(node, day, 1));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            for (Thread caller : callers) caller.join();
            List<String> all = flows.stream().distinct().toList();
            awaitFinal(all, total);
            List<Long> delays = new ArrayList<>();
            long failed = 0;
            try (Connection db = nodes.db(); Statement s = db.createStatement();
                 ResultSet rs = s.executeQuery("select started_at - due_at, status from sched_instance where flow_id in (" + quoted(all) + ")")) {
                while (rs.next()) {
                    delays.add(rs.getLong(1));
                    if ("FAILED".equals(rs.getString(2))) failed++;
                }
            }
            delays.sort(null);
            return new Paced(delays.size(), percentile(delays, 0.50), percentile(delays, 0.99), delays.getLast(), failed);
        }

        private String run(long node, java.time.LocalDate start, int days) throws Exception {
            RawClient.Response ran = call("ExecuteManualNode", "ExecuteCommand", Map.of("ProjectId", nodes.project(), "NodeId", "n_" + node,
                    "StartBizDate", start.toString(), "EndBizDate", start.plusDays(days - 1).toString()));
            return ran.body().path("FlowId").asString();
        }

        private void awaitFinal(List<String> flows, long count) throws Exception {
            long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (System.nanoTime() < deadline) {
                try (Connection db = nodes.db(); Statement s = db.createStatement();
                     ResultSet rs = s.executeQuery("select count(*) from sched_instance where status in ('SUCCESS', 'FAILED') and flow_id in ("
                             + quoted(flows) + ")")) {
                    rs.next();
                    if (rs.getLong(1) >= count) return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("instances still unfinished after 10 minutes");
        }

        private static String perNode(Connection db, List<String> flows) throws SQLException {
            Map<String, Long> claims = new HashMap<>();
            try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select claimed_by, count(*) from sched_instance"
                    + " where flow_id in (" + quoted(flows) + ") group by claimed_by")) {
                while (rs.next()) claims.put(rs.getString(1), rs.getLong(2));
            }
            return claims.size() < 2 ? "" : ", started per node " + claims.values();
        }

        private RawClient.Response call(String action, String name, Object command) throws Exception {
            RawClient.Response response = nodes.client().call(action).param("OpTenantId", nodes.tenant())
                    .param(name, RpcJson.MAPPER.writeValueAsString(command)).send();
            if (response.status() != 200) throw new IllegalStateException(action + ": " + response.body());
            return response;
        }
    }

    /** Flow ids are the server's own ({@code f_<node>_<millis>}), checked before they go into a query. */
    private static String quoted(List<String> flows) {
        return String.join(",", flows.stream().peek(f -> {
            if (!f.matches("f_[0-9]+_[0-9]+")) throw new IllegalStateException("unexpected flow id " + f);
        }).map(f -> "'" + f + "'").toList());
    }

    private static long percentile(List<Long> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static Map<String, String> facts(String printed) {
        Map<String, String> facts = new HashMap<>();
        Matcher m = FACT.matcher(printed);
        while (m.find()) facts.put(m.group(1), m.group(2));
        return facts;
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) if (args[i].equals(name)) return Integer.parseInt(args[i + 1]);
        return fallback;
    }

    /** Standard output as it was, and a copy. */
    private static final class TeeStream extends OutputStream {

        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws java.io.IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws java.io.IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
