package dev.sluice.metering.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;

import dev.sluice.metering.CallIntents;
import dev.sluice.metering.CallRecord;
import dev.sluice.metering.Ledger;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Group commit: callers queue their records, one writer thread takes whatever has queued up (up to a batch) and
 * commits it in one transaction, then releases every waiting caller at once. Under load a batch holds many calls,
 * so the database sees one commit per batch instead of one per call; when idle a batch is a single call and waits
 * for nobody.
 *
 * <p>A full queue refuses new admitted records at once (the caller answers 503) instead of letting latency grow
 * without bound. A failed commit fails every admitted call of the batch: none of them is answered, none is lost.
 *
 * <p>An admitted record that has not started committing within the commit deadline of being queued is never
 * written: its caller gets 503. So "queued at t" means "in the ledger by t + deadline + one statement timeout, or
 * never", which is what lets the cluster counters rebuild from the ledger without missing a call still in flight.
 */
public final class GroupCommitLedger implements Ledger, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommitLedger.class);

    private record Pending(CallRecord record, CompletableFuture<Void> committed, long deadlineNanos) {
    }

    private final BlockingQueue<Pending> queue;
    private final int maxBatch;
    private final LedgerStore store;
    private final Duration deadline;
    private final Thread writer;
    private volatile boolean running = true;
    private int lastBatch;

    private final long lingerNanos;

    private final DistributionSummary batchSizes;
    private final Timer commits;
    private final Counter failedCommits;
    private final Counter lateCalls;
    private final RefusalBacklog refusals;

    private final Thread sweeper;
    private final Counter recoveredCalls;

    public GroupCommitLedger(LedgerStore store, int queueCapacity, int maxBatch, Duration deadline, Duration linger,
                             MeterRegistry registry) {
        this(store, queueCapacity, maxBatch, deadline, linger, 1_000, 5_000, registry, null, Duration.ZERO, Duration.ZERO);
    }

    /** With the default caps on waiting refusals and no intent sweeper. */
    public GroupCommitLedger(LedgerStore store, int queueCapacity, int maxBatch, Duration deadline, Duration linger,
                             int refusalsPerKey, int refusalsPending, MeterRegistry registry) {
        this(store, queueCapacity, maxBatch, deadline, linger, refusalsPerKey, refusalsPending, registry, null, Duration.ZERO, Duration.ZERO);
    }

    /**
     * {@code refusalsPerKey} / {@code refusalsPending}: refusals of one AccessKey / of all keys that may wait in the
     * queue ({@link RefusalBacklog}); the latter is held to half the queue, so admitted calls always find room.
     * With {@code intents}: every {@code sweepInterval}, and once at start, the intents older than {@code grace} (longer
     * than the deadline plus a statement timeout, so their own record can no longer be committed, on any node) become
     * ledger records.
     */
    public GroupCommitLedger(LedgerStore store, int queueCapacity, int maxBatch, Duration deadline, Duration linger,
                             int refusalsPerKey, int refusalsPending, MeterRegistry registry,
                             CallIntents intents, Duration grace, Duration sweepInterval) {
        this.lingerNanos = linger.toNanos();
        this.store = store;
        this.deadline = deadline;
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.maxBatch = maxBatch;
        this.batchSizes = DistributionSummary.builder("sluice.ledger.batch.size").description("Calls per ledger commit")
                .register(registry);
        this.commits = Timer.builder("sluice.ledger.commit").description("Ledger commit latency").register(registry);
        this.failedCommits = registry.counter("sluice.ledger.commit.failed");
        this.lateCalls = registry.counter("sluice.ledger.calls.late");
        this.refusals = RefusalBacklog.of(refusalsPerKey, refusalsPending, queueCapacity, registry.counter("sluice.ledger.refusals.dropped"));
        registry.gauge("sluice.ledger.queue.depth", queue, BlockingQueue::size);
        // A platform thread: it spends its life in JDBC calls that would pin a virtual thread's carrier anyway.
        this.writer = Thread.ofPlatform().name("sluice-ledger-writer").daemon().start(this::run);
        this.recoveredCalls = registry.counter("sluice.ledger.recovered");
        this.sweeper = intents == null ? null
                : Thread.ofPlatform().name("sluice-intent-sweeper").daemon().start(() -> sweep(intents, grace, sweepInterval));
    }

    /** Off the writer thread: callers never wait for a sweep. */
    private void sweep(CallIntents intents, Duration grace, Duration interval) {
        while (running) {
            try {
                int recovered = store.recoverIntents(intents.cutoff(grace), intents::awaitingRecord);
                if (recovered > 0) {
                    recoveredCalls.increment(recovered);
                    log.warn("ledger: {} committed writes had no record (their node died or could not commit it); recorded as {}",
                            recovered, CallIntents.RECOVERED);
                }
            } catch (RuntimeException failed) {
                log.warn("ledger: call intents could not be swept, retrying: {}", failed.getMessage());
            }
            try {
                Thread.sleep(interval);
            } catch (InterruptedException stopping) {
                return;
            }
        }
    }

    @Override
    public CompletableFuture<Void> commit(CallRecord admitted) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        if (!running || !queue.offer(new Pending(admitted, committed, System.nanoTime() + deadline.toNanos()))) {
            throw new RejectedExecutionException("the ledger queue is full or closed");
        }
        return committed;
    }

    @Override
    public void refused(CallRecord refused) {
        if (!refusals.admit(refused, running)) return; // counted as dropped
        if (!queue.offer(new Pending(refused, null, Long.MAX_VALUE))) refusals.dropAdmitted(refused);
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) continue;
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                if (lastBatch > 1) linger(batch);
                lastBatch = batch.size();
                write(batch);
            } catch (InterruptedException interrupted) {
                // Only shutdown may stop the writer: without it every admitted call is refused until a restart.
                if (running) log.warn("ledger writer interrupted while running; carrying on");
            } catch (RuntimeException | Error unexpected) {
                // write() fails the batch on storage errors; anything else must not kill the only writer either.
                log.error("ledger writer: unexpected failure, carrying on", unexpected);
                for (Pending pending : batch) if (pending.committed() != null) pending.committed().completeExceptionally(unexpected);
            } finally {
                for (Pending pending : batch) if (pending.committed() == null) refusals.release(pending.record());
                batch.clear();
            }
        }
    }

    /**
     * Under load (the previous batch held more than one call) waits up to {@code sluice.ledger.linger} for more calls: a
     * commit costs nearly the same for one call as for fifty, so fuller batches buy throughput for a fraction of a
     * millisecond of latency. An idle server never waits: a lone call is committed at once.
     */
    private void linger(List<Pending> batch) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (batch.size() < maxBatch) {
            long left = deadline - System.nanoTime();
            if (left <= 0) return;
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) return;
            batch.add(next);
            queue.drainTo(batch, maxBatch - batch.size());
        }
    }

    private void write(List<Pending> batch) {
        long started = System.nanoTime();
        Map<CallRecord, Long> deadlines = new IdentityHashMap<>();
        for (Pending pending : batch) if (pending.committed() != null) deadlines.put(pending.record(), pending.deadlineNanos());
        Set<CallRecord> late = Collections.newSetFromMap(new IdentityHashMap<>());
        try {
            store.write(batch.stream().map(Pending::record).toList(), record -> {
                Long due = deadlines.get(record);
                if (due == null || System.nanoTime() - due < 0) return true;
                late.add(record);
                return false;
            });
            commits.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            batchSizes.record(batch.size());
            for (Pending pending : batch) {
                if (pending.committed() == null) continue;
                if (late.contains(pending.record())) {
                    lateCalls.increment();
                    pending.committed().completeExceptionally(new RejectedExecutionException("past the commit deadline"));
                } else {
                    pending.committed().complete(null);
                }
            }
        } catch (RuntimeException failed) {
            failedCommits.increment();
            log.error("ledger commit of {} calls failed: {}", batch.size(), failed.getMessage());
            for (Pending pending : batch) if (pending.committed() != null) pending.committed().completeExceptionally(failed);
        }
    }

    /** Stops taking records and commits what is queued before the database goes away. */
    @Override
    public void destroy() throws InterruptedException {
        running = false;
        if (sweeper != null) sweeper.interrupt();
        writer.join(10_000);
    }
}
