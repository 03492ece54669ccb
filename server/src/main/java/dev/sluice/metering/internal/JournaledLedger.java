package dev.sluice.metering.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

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
 * The embedded node's ledger: an admitted call is answered once its record is appended to the {@link LedgerJournal}
 * (group commit: one append per batch of waiting callers). The journal is the per-call ledger; a copier adds its
 * records to the database's rollups in large batches a little later, together with the journal position they reach,
 * in one transaction. On start the journal is replayed from that position, so a crash loses no answered call and
 * counts none twice. Refusals are journaled too, without anyone waiting for them.
 *
 * <p>Why not commit each batch to H2, as the cluster's {@link GroupCommitLedger} does on PostgreSQL: an H2 commit
 * serialises the changed B-tree pages, nearly the same work for ten rows as for a thousand, and every admitted call
 * waited for one. Why not copy every record into an H2 table later either (this did): inserting them cost the node
 * about a fifth of what governance costs per call, for rows nothing reads but an audit. Measured with
 * {@code ./sluice bench admission} on the 2-core machine, see the README.
 *
 * <p>Not for a cluster: nodes are stateless, and calls held in one node's journal would be invisible to the others
 * (and to the Redis counters' rebuild) until that node came back, if it ever did.
 *
 * <p>Reads of usage call {@link #awaitStored()} first, so a caller who has seen its call answered also sees it
 * counted.
 */
public final class JournaledLedger implements Ledger, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(JournaledLedger.class);
    private static final Duration STORE_RETRY = Duration.ofSeconds(1);
    private static final Duration AWAIT_STORED = Duration.ofSeconds(5);

    /** A record to append; {@code committed} is null for a refusal, which nobody waits for. */
    private record Pending(CallRecord record, CompletableFuture<Void> committed) {
    }

    /** A journaled record not yet in the rollups; {@code end} is set on the last record of each append. */
    private record Unstored(CallRecord record, LedgerJournal.Position end) {
    }

    private final LedgerStore store;
    private final LedgerJournal journal;
    private final ConcurrentLinkedQueue<Pending> toAppend = new ConcurrentLinkedQueue<>();
    private final ReentrantLock appendLock = new ReentrantLock();
    private final int maxBatch;
    private final int storeBatch;
    private final long storeIntervalNanos;
    private final int maxBacklog;
    private final Duration retention;
    private long prunedAt;

    // The records not yet in the database, in journal order, and how many have ever been accepted / stored.
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition storeWanted = lock.newCondition();
    private final Condition stored = lock.newCondition();
    private final ArrayDeque<Unstored> unstored = new ArrayDeque<>();
    private long acceptedCount;
    private long storedCount;
    private boolean storeNow;

    private volatile boolean running = true;
    private final Thread copier;

    private final DistributionSummary batchSizes;
    private final Timer appends;
    private final Timer stores;
    private final Counter failedAppends;
    private final Counter failedStores;
    private final RefusalBacklog refusals;

    private final CallIntents intents;
    private final Duration intentGrace;
    private final long sweepIntervalNanos;
    private long sweptAt;

    /** {@code retention}: how long the journal keeps records once they are in the rollups; zero keeps them for ever. */
    public JournaledLedger(LedgerStore store, LedgerJournal journal, int maxBatch, int storeBatch, Duration storeInterval,
                           int maxBacklog, Duration retention, MeterRegistry registry) {
        this(store, journal, maxBatch, storeBatch, storeInterval, maxBacklog, retention, 1_000, 5_000, registry, null, Duration.ZERO, Duration.ZERO);
    }

    /**
     * {@code refusalsPerKey} / {@code refusalsPending}: refusals of one AccessKey / of all keys that may wait to be
     * journaled or added to the rollups ({@link RefusalBacklog}); the latter is held to half the backlog, so
     * admitted calls always find room.
     * With {@code intents}: at start, after replay, every intent left in the database becomes a journaled record (this
     * process holds the journal's lock, so no other can still record it); while running, every {@code sweepInterval},
     * those older than {@code grace} whose call is no longer on its way (its ledger commit failed).
     */
    public JournaledLedger(LedgerStore store, LedgerJournal journal, int maxBatch, int storeBatch, Duration storeInterval,
                           int maxBacklog, Duration retention, int refusalsPerKey, int refusalsPending, MeterRegistry registry,
                           CallIntents intents, Duration grace, Duration sweepInterval) {
        this.intents = intents;
        this.intentGrace = grace;
        this.sweepIntervalNanos = sweepInterval.toNanos();
        this.store = store;
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.storeBatch = storeBatch;
        this.storeIntervalNanos = storeInterval.toNanos();
        this.maxBacklog = maxBacklog;
        this.retention = retention;
        // The same meter names as the group-commit ledger: a commit here is the journal append callers wait for.
        // Count, sum and max only, no percentiles computed here: those cost each call about a twentieth of what
        // governance costs (three decaying histograms per record); the store's, ten times a second at most, keeps them.
        this.batchSizes = DistributionSummary.builder("sluice.ledger.batch.size").description("Calls per ledger commit")
                .register(registry);
        this.appends = Timer.builder("sluice.ledger.commit").description("Ledger commit latency (journal append)").register(registry);
        this.stores = Timer.builder("sluice.ledger.store").description("Adding journaled calls to the database's rollups")
                .publishPercentiles(0.5, 0.99).register(registry);
        this.failedAppends = registry.counter("sluice.ledger.commit.failed");
        this.failedStores = registry.counter("sluice.ledger.store.failed");
        this.refusals = RefusalBacklog.of(refusalsPerKey, refusalsPending, maxBacklog, registry.counter("sluice.ledger.refusals.dropped"));
        registry.gauge("sluice.ledger.queue.depth", toAppend, ConcurrentLinkedQueue::size);
        registry.gauge("sluice.ledger.unstored", this, ledger -> ledger.backlog());

        replay();
        recoverIntents();
        this.sweptAt = System.nanoTime();
        // A platform thread: the copier lives in JDBC calls that would pin a virtual thread's carrier anyway.
        this.copier = Thread.ofPlatform().name("sluice-ledger-copier").daemon().start(this::copyLoop);
    }

    /**
     * Group commit without a writer thread: whoever holds the append lock writes every record queued by then (its
     * own and those of callers waiting for the lock) in one append; the others find theirs written and return. Idle,
     * a call writes alone and waits for nobody. Measured against a writer thread that callers hand records to:
     * {@code ./sluice bench admission} figures in the README.
     */
    @Override
    public CompletableFuture<Void> commit(CallRecord admitted) {
        if (!running) throw new RejectedExecutionException("the ledger is closed");
        Pending mine = new Pending(admitted, new CompletableFuture<>());
        toAppend.add(mine);
        appendLock.lock();
        try {
            while (!mine.committed().isDone()) appendQueued();
        } finally {
            appendLock.unlock();
        }
        return mine.committed();
    }

    private void appendQueued() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < maxBatch && (next = toAppend.poll()) != null; ) batch.add(next);
        try {
            append(batch);
        } catch (RuntimeException | Error unexpected) {
            fail(batch, unexpected);
            throw unexpected;
        }
    }

    private void fail(List<Pending> batch, Throwable why) {
        for (Pending pending : batch) {
            if (pending.committed() != null) {
                pending.committed().completeExceptionally(why);
            } else {
                refusals.dropAdmitted(pending.record());
            }
        }
    }

    /**
     * Refusals are journaled by whoever appends next (a caller, or the copier before it stores): they are for
     * display, never billed, and nobody waits for them. A crash may lose the last few.
     */
    @Override
    public void refused(CallRecord refused) {
        if (!refusals.admit(refused, running)) return; // counted as dropped
        toAppend.add(new Pending(refused, null));
        if (appendLock.tryLock()) {
            try {
                appendQueued();
            } finally {
                appendLock.unlock();
            }
        }
    }

    /** Appends whatever is queued, refusals included. */
    private void appendAllQueued() {
        appendLock.lock();
        try {
            while (!toAppend.isEmpty()) appendQueued();
        } catch (RuntimeException | Error unexpected) {
            log.error("ledger journal append failed", unexpected);
        } finally {
            appendLock.unlock();
        }
    }

    @Override
    public void awaitStored() {
        appendAllQueued();
        lock.lock();
        try {
            long target = acceptedCount;
            if (storedCount >= target) return;
            storeNow = true;
            storeWanted.signal();
            long left = AWAIT_STORED.toNanos();
            while (storedCount < target) {
                if (left <= 0) {
                    log.warn("usage read without waiting further for {} unstored calls", target - storedCount);
                    return;
                }
                left = stored.awaitNanos(left);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    /** Copies what the journal holds beyond the database's mark, before any call is taken. */
    private void replay() {
        List<LedgerJournal.Entry> entries = journal.replay(store.journalMark());
        for (int from = 0; from < entries.size(); from += storeBatch) {
            List<LedgerJournal.Entry> chunk = entries.subList(from, Math.min(entries.size(), from + storeBatch));
            store.writeJournaled(chunk.stream().map(LedgerJournal.Entry::record).toList(), chunk.getLast().end());
        }
        if (!entries.isEmpty()) log.info("ledger journal: {} calls added to the rollups at start", entries.size());
    }

    /**
     * Journals, and adds to the rollups, a record for every write whose change committed with its intent but whose own
     * record never reached the journal (the process died in between). Replay has deleted the intents of the records it
     * found, so what is left has no record.
     */
    private void recoverIntents() {
        if (intents == null) return;
        List<CallRecord> orphans = store.intentsBefore(Long.MAX_VALUE);
        for (int from = 0; from < orphans.size(); from += maxBatch) {
            List<CallRecord> chunk = orphans.subList(from, Math.min(orphans.size(), from + maxBatch));
            try {
                store.writeJournaled(chunk, journal.append(chunk)); // a crash in between: replayed next time, intent and all
            } catch (IOException failed) {
                throw new UncheckedIOException("cannot journal the calls recovered from their intents", failed);
            }
        }
        if (!orphans.isEmpty()) {
            log.warn("ledger: {} committed writes had no record (the process died before journaling it); recorded as {}",
                    orphans.size(), CallIntents.RECOVERED);
        }
    }

    /**
     * On the copier's thread, which alone moves records out of {@code unstored}: intents past the grace whose call is
     * neither on its way (checked first) nor journaled and waiting for the copier are orphans of a failed commit.
     */
    private void sweepIntents() {
        sweptAt = System.nanoTime();
        List<CallRecord> old;
        try {
            old = store.intentsBefore(intents.cutoff(intentGrace));
        } catch (RuntimeException failed) {
            log.warn("ledger: call intents could not be read, retrying: {}", failed.getMessage());
            return;
        }
        if (old.isEmpty()) return;
        List<CallRecord> settled = old.stream().filter(intent -> !intents.awaitingRecord(intent.requestId())).toList();
        Set<String> journaled = new HashSet<>();
        lock.lock();
        try {
            for (Unstored next : unstored) journaled.add(next.record().requestId());
        } finally {
            lock.unlock();
        }
        int recovered = 0;
        for (CallRecord orphan : settled) {
            if (journaled.contains(orphan.requestId())) continue;
            try {
                commit(orphan).join();
                recovered++;
            } catch (RuntimeException failed) {
                log.warn("ledger: the call {} recovered from its intent could not be journaled, retrying: {}", orphan.requestId(), failed.getMessage());
                return;
            }
        }
        if (recovered > 0) log.warn("ledger: {} committed writes had no record (their ledger commit failed); recorded as {}", recovered, CallIntents.RECOVERED);
    }

    private void append(List<Pending> wanted) {
        long started = System.nanoTime();
        if (wanted.isEmpty()) return;
        if (backlog() >= maxBacklog) {
            // The database has not taken records for a while; refuse rather than hold an unbounded backlog in memory.
            fail(wanted, new RejectedExecutionException("the ledger database is behind by " + backlog() + " calls"));
            return;
        }
        List<CallRecord> records = new ArrayList<>(wanted.size());
        for (Pending pending : wanted) records.add(pending.record());
        LedgerJournal.Position end;
        try {
            end = journal.append(records);
        } catch (IOException failed) {
            failedAppends.increment();
            log.error("ledger journal append of {} calls failed: {}", records.size(), failed.getMessage());
            fail(wanted, failed);
            return;
        }
        lock.lock();
        try {
            // Only the last record of the batch carries the position: the mark moves per batch, never inside one.
            for (int i = 0; i < records.size(); i++) {
                unstored.add(new Unstored(records.get(i), i == records.size() - 1 ? end : null));
            }
            acceptedCount += records.size();
            if (unstored.size() >= storeBatch) storeWanted.signal();
        } finally {
            lock.unlock();
        }
        appends.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        batchSizes.record(records.size());
        for (Pending pending : wanted) if (pending.committed() != null) pending.committed().complete(null);
    }

    private void copyLoop() {
        while (true) {
            if (!toAppend.isEmpty()) appendAllQueued(); // refusals nobody appended since
            if (intents != null && sweepIntervalNanos > 0 && running && System.nanoTime() - sweptAt >= sweepIntervalNanos) sweepIntents();
            List<Unstored> batch = new ArrayList<>(storeBatch);
            lock.lock();
            try {
                long wait = storeIntervalNanos;
                while (running && !storeNow && unstored.size() < storeBatch && wait > 0) wait = storeWanted.awaitNanos(wait);
                storeNow = false;
                if (unstored.isEmpty()) {
                    if (!running) return;
                    continue;
                }
                // Copies, and removes only once stored: a failed store is retried with the same records. A batch
                // ends where a journal append ended, so the mark it writes covers all of it.
                for (Unstored next : unstored) {
                    batch.add(next);
                    if (batch.size() >= storeBatch && next.end() != null) break;
                }
            } catch (InterruptedException interrupted) {
                continue;
            } finally {
                lock.unlock();
            }
            if (!copy(batch)) {
                if (!running) return; // what is left stays in the journal for the next start
                sleepQuietly(STORE_RETRY);
            }
        }
    }

    private boolean copy(List<Unstored> batch) {
        // The mark is the position after the batch's last append.
        LedgerJournal.Position mark = null;
        for (Unstored next : batch) if (next.end() != null) mark = next.end();
        long started = System.nanoTime();
        try {
            store.writeJournaled(batch.stream().map(Unstored::record).toList(), mark);
        } catch (RuntimeException failed) {
            failedStores.increment();
            log.error("adding {} journaled calls to the rollups failed (kept in the journal, retrying): {}",
                    batch.size(), failed.getMessage());
            return false;
        }
        stores.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        lock.lock();
        try {
            for (int i = 0; i < batch.size(); i++) unstored.poll();
            for (Unstored next : batch) if (!next.record().admitted()) refusals.release(next.record());
            storedCount += batch.size();
            stored.signalAll();
        } finally {
            lock.unlock();
        }
        if (mark != null) prune(mark);
        return true;
    }

    /** At most once a minute: segments older than the retention, all of whose records are in the rollups. */
    private void prune(LedgerJournal.Position mark) {
        if (retention.isZero() || System.nanoTime() - prunedAt < 60_000_000_000L) return;
        prunedAt = System.nanoTime();
        try {
            journal.deleteBefore(mark.segment(), Instant.now().minus(retention));
        } catch (RuntimeException failed) {
            log.warn("ledger journal: old segments could not be deleted: {}", failed.getMessage());
        }
    }

    private int backlog() {
        lock.lock();
        try {
            return unstored.size();
        } finally {
            lock.unlock();
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException ignored) {
            // Shutdown: the loop looks at running again.
        }
    }

    /** Stops taking records and copies what it can before the database goes away. */
    @Override
    public void destroy() throws InterruptedException, IOException {
        running = false;
        appendLock.lock(); // no append in progress from here on
        appendLock.unlock();
        lock.lock();
        try {
            storeNow = true;
            storeWanted.signal();
        } finally {
            lock.unlock();
        }
        copier.join(10_000);
        if (copier.isAlive()) {
            log.warn("ledger: {} calls left in the journal, to be copied at the next start", backlog());
            copier.interrupt();
        }
        // Under the append lock: a call that passed the running check just before it stopped may still append.
        appendLock.lock();
        try {
            journal.close();
        } finally {
            appendLock.unlock();
        }
    }
}
