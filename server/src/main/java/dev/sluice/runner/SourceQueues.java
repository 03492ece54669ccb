package dev.sluice.runner;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.springframework.stereotype.Component;

import dev.sluice.protocol.PopError;

/**
 * One bounded queue per compute or data source on this node: at most {@code maxRunningPerSource} runs execute at once,
 * up to {@code maxQueuedPerSource} more wait in arrival order, and a run beyond that is refused at once. Waiting runs
 * hold a virtual thread each (cheap) that checks every fraction of a second whether its run was stopped meanwhile.
 */
@Component
class SourceQueues {

    private static final long RECHECK_MS = 100;

    private record Queue(Semaphore running, AtomicInteger waiting) {
    }

    private final ConcurrentHashMap<String, Queue> queues = new ConcurrentHashMap<>();
    private final RunnerSettings settings;

    SourceQueues(RunnerSettings settings) {
        this.settings = settings;
    }

    static String key(Engine engine) {
        return engine.tenantId() + "/" + engine.kind() + "/" + engine.sourceId();
    }

    /** Refuses a new run when the source's queue is full (checked before the run is stored). */
    void requireRoom(Engine engine) {
        Queue q = queue(key(engine));
        if (q.waiting().get() >= settings.maxQueuedPerSource() && q.running().availablePermits() == 0) {
            throw new PopError("Throttling.RunQueue", 429, q.waiting().get() + " runs wait for " + engine.kind().name().toLowerCase()
                    + " source '" + engine.sourceName() + "'; at most " + settings.maxQueuedPerSource() + " may wait.",
                    "Retry when a run on that source has finished, or stop one.").exception();
        }
    }

    /** Takes a slot without waiting, if one is free. */
    boolean tryEnter(String key) {
        return queue(key).running().tryAcquire();
    }

    /**
     * Waits for a slot; false when {@code stopped} turned true first (the run then never held one).
     */
    boolean enter(String key, BooleanSupplier stopped) {
        Queue q = queue(key);
        q.waiting().incrementAndGet();
        try {
            while (!stopped.getAsBoolean()) {
                if (q.running().tryAcquire(RECHECK_MS, TimeUnit.MILLISECONDS)) {
                    if (!stopped.getAsBoolean()) return true;
                    q.running().release();
                    return false;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            q.waiting().decrementAndGet();
        }
    }

    void leave(String key) {
        queue(key).running().release();
    }

    /** Runs holding a slot of the source now. */
    int running(String key) {
        return settings.maxRunningPerSource() - queue(key).running().availablePermits();
    }

    private Queue queue(String key) {
        return queues.computeIfAbsent(key, k -> new Queue(new Semaphore(settings.maxRunningPerSource(), true), new AtomicInteger()));
    }
}
