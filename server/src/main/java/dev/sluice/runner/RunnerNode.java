package dev.sluice.runner;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's share of the runs: the ones it executes, by id, and one timer thread that sends each run's timeout and
 * stop-grace kills and, every {@code sluice.runner.cancel-poll}, beats the heart of this node's runs in the database and
 * picks up stop requests made on other nodes (one query per poll, none while the node runs nothing).
 */
@Component
class RunnerNode implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RunnerNode.class);

    private final String id = "node-" + UUID.randomUUID().toString().substring(0, 13);
    private final Map<String, RunExecution> active = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "sql-runner-timer");
        t.setDaemon(true);
        return t;
    });
    private final RunStore store;
    private final Clock clock;

    RunnerNode(RunStore store, Clock clock, RunnerSettings settings) {
        this.store = store;
        this.clock = clock;
        long every = settings.cancelPoll().toMillis();
        timer.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    String id() {
        return id;
    }

    void register(RunExecution run) {
        active.put(run.runId(), run);
    }

    void unregister(RunExecution run) {
        active.remove(run.runId(), run);
    }

    RunExecution local(String runId) {
        return active.get(runId);
    }

    ScheduledFuture<?> schedule(Runnable task, long delayMillis) {
        return timer.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("a SQL run timer task failed", e);
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        if (active.isEmpty()) return;
        try {
            store.heartbeat(id, clock.millis());
            for (String runId : store.cancelRequested(id)) {
                RunExecution run = active.get(runId);
                if (run != null) run.stop(RunExecution.Stop.USER);
            }
        } catch (RuntimeException e) {
            log.warn("could not poll the database for stop requests: {}", e.getMessage());
        }
    }

    /** A stopping node stops its runs (they end CANCELLED, or FAILED by the node-lost check if the database is gone first). */
    @Override
    public void destroy() throws InterruptedException {
        active.values().forEach(run -> run.stop(RunExecution.Stop.SHUTDOWN));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!active.isEmpty() && System.nanoTime() < until) Thread.sleep(50);
        timer.shutdownNow();
    }
}
