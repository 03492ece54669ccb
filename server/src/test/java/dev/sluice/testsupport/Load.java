package dev.sluice.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * A load driver for a cluster: callers spread calls round robin across the nodes' clients and record every answer.
 * Loopback only, and always bounded, by a stop condition and a duration or by a count.
 */
public final class Load {

    /** One answer; status -1 when the connection failed (a killed node). */
    public record Answer(int node, int status, String code, String requestId, long sentNanos) {

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    private final List<RawClient> nodes;
    private final String tenant;
    private final String action;
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();

    public Load(List<RawClient> nodes, String tenant) {
        this(nodes, tenant, "GetMyTenants");
    }

    public Load(List<RawClient> nodes, String tenant, String action) {
        this.nodes = nodes;
        this.tenant = tenant;
        this.action = action;
    }

    /** {@code callers} callers, each calling as fast as answers come, until {@code stop} says so or time is up. */
    public Load closedLoop(int callers, Duration atMost, BooleanSupplier stop) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            threads.add(Thread.ofVirtual().start(() -> {
                while (!stop.getAsBoolean() && System.nanoTime() < until) callOnce();
            }));
        }
        for (Thread thread : threads) thread.join(atMost.plusSeconds(30));
        return this;
    }

    /** An open loop: {@code perSecond} calls a second for {@code duration}, each sent on time whatever the answers. */
    public Load paced(int perSecond, Duration duration) throws InterruptedException {
        long start = System.nanoTime();
        long total = perSecond * duration.toSeconds();
        long interval = 1_000_000_000L / perSecond;
        List<Thread> threads = new ArrayList<>();
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) Thread.sleep(Duration.ofNanos(wait));
            threads.add(Thread.ofVirtual().start(this::callOnce));
        }
        for (Thread thread : threads) thread.join(Duration.ofSeconds(30));
        return this;
    }

    /** Calls each node until it answers 2xx (cluster ready), at most {@code atMost}; those calls count like any. */
    public static void awaitOk(List<RawClient> nodes, String tenant, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        for (RawClient node : nodes) {
            while (!node.call("GetMyTenants").param("OpTenantId", tenant).send().ok()) {
                if (System.nanoTime() > until) throw new AssertionError("the cluster did not become ready in " + atMost);
                Thread.sleep(200);
            }
        }
    }

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    public List<String> answeredRequestIds() {
        return answers.stream().filter(Answer::ok).map(Answer::requestId).toList();
    }

    public long count(int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    public long okCount() {
        return answers.stream().filter(Answer::ok).count();
    }

    /** Answers by status and code, for failure messages. */
    public Map<String, Long> summary() {
        return answers.stream().collect(Collectors.groupingBy(a -> a.status() + " " + a.code(), Collectors.counting()));
    }

    private void callOnce() {
        int node = (int) (sequence.getAndIncrement() % nodes.size());
        long sent = System.nanoTime();
        try {
            RawClient.Response response = nodes.get(node).call(action).param("OpTenantId", tenant).send();
            answers.add(new Answer(node, response.status(), response.ok() ? "" : response.code(),
                    response.body().path("RequestId").asString(), sent));
        } catch (RuntimeException connectionFailed) {
            answers.add(new Answer(node, -1, connectionFailed.getClass().getSimpleName(), null, sent));
        }
    }
}
