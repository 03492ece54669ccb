package dev.sluice.governance.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * Group commit for the counters: the admissions of one account and region that arrive while one of theirs is on its
 * way to Redis go together in the next script call (admit.lua decides them one after the other, each all or nothing).
 * An idle account's call goes alone at once and waits for nobody; under load one round trip carries many calls, so
 * Redis, Lettuce and the node pay the per-command cost (syscalls, command dispatch, thread hand-offs, the script's reads
 * and writes of the counts) once per batch instead of once per call. Measured with
 * {@code ./sluice bench admission --cluster}: figures in the README.
 *
 * <p>Hand-written rather than Lettuce's own pipelining, which batches writes on the socket but still runs one script,
 * with its reads and writes of the same hashes, per call. One batch per account and region is in flight at a time
 * (all its keys are in one Redis Cluster slot, which a script requires); different accounts' batches go in parallel
 * over the one connection.
 *
 * <p>No thread of its own: whoever finds nobody sending takes what is queued and sends it; the others park until
 * their reply is there, or until a sender that left calls behind wakes the first of them to send next.
 */
final class AdmissionBatches {

    /** One call's part of a script call: its nonce key (or null) and its block of arguments. */
    private static final class Waiting {
        final String nonceKey;
        final String[] args;
        final Thread thread = Thread.currentThread();
        volatile List<Object> reply;
        volatile RuntimeException failure;

        Waiting(String nonceKey, String[] args) {
            this.nonceKey = nonceKey;
            this.args = args;
        }

        boolean done() {
            return reply != null || failure != null;
        }
    }

    private static final class Lane {
        final String qpsKey;
        final String usageKey;
        final ConcurrentLinkedQueue<Waiting> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean sending = new AtomicBoolean();

        Lane(String qpsKey, String usageKey) {
            this.qpsKey = qpsKey;
            this.usageKey = usageKey;
        }
    }

    private final RedisScripts scripts;
    private final int maxBatch;
    private final LongAdder scriptCalls = new LongAdder();
    private final LongAdder decided = new LongAdder();
    // One small lane per account and region that has called this node; as many as there are accounts, not calls.
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    AdmissionBatches(RedisScripts scripts, int maxBatch) {
        this.scripts = scripts;
        this.maxBatch = maxBatch;
    }

    /** Admit.lua's reply for this one call, sent alone or with others of the same account and region. */
    List<Object> admit(String qpsKey, String usageKey, String nonceKey, String[] args) {
        if (maxBatch == 1) return alone(qpsKey, usageKey, nonceKey, args); // no lane: any number in flight at once
        Lane lane = lanes.computeIfAbsent(qpsKey, key -> new Lane(qpsKey, usageKey));
        Waiting mine = new Waiting(nonceKey, args);
        lane.queue.add(mine);
        boolean interrupted = false;
        while (!mine.done()) {
            if (lane.sending.compareAndSet(false, true)) {
                try {
                    if (!mine.done()) sendQueued(lane);
                } finally {
                    lane.sending.set(false);
                }
                // Calls queued while this one was sent: the first of them sends next (it may find that done already).
                Waiting next = lane.queue.peek();
                if (next != null) LockSupport.unpark(next.thread);
            } else {
                LockSupport.park(this);
                // The call is queued and will be decided (within the command timeout): wait for that, or its counts
                // would be taken with nobody to answer or give them back; the interrupt is kept for the caller.
                if (Thread.interrupted()) interrupted = true;
            }
        }
        if (interrupted) Thread.currentThread().interrupt();
        if (mine.failure != null) throw mine.failure;
        return mine.reply;
    }

    @SuppressWarnings("unchecked")
    private List<Object> alone(String qpsKey, String usageKey, String nonceKey, String[] args) {
        String[] keys = nonceKey == null ? new String[] {qpsKey, usageKey} : new String[] {qpsKey, usageKey, nonceKey};
        scriptCalls.increment();
        decided.increment();
        String[] one = new String[args.length + 1];
        one[0] = "1";
        System.arraycopy(args, 0, one, 1, args.length);
        return (List<Object>) scripts.admit(keys, one).getFirst();
    }

    /** admit.lua calls sent so far, for the {@code sluice.redis.admission.scripts} metric. */
    long scriptCalls() {
        return scriptCalls.sum();
    }

    /** Calls those script calls carried, for {@code sluice.redis.admission.calls}: divided, the mean batch. */
    long callsDecided() {
        return decided.sum();
    }

    private void sendQueued(Lane lane) {
        List<Waiting> batch = new ArrayList<>();
        for (Waiting next; batch.size() < maxBatch && (next = lane.queue.poll()) != null; ) batch.add(next);
        if (batch.isEmpty()) return;
        try {
            List<String> keys = new ArrayList<>(2 + batch.size());
            keys.add(lane.qpsKey);
            keys.add(lane.usageKey);
            List<String> args = new ArrayList<>(1 + batch.size() * batch.getFirst().args.length);
            args.add(String.valueOf(batch.size()));
            for (Waiting call : batch) {
                if (call.nonceKey != null) keys.add(call.nonceKey);
                Collections.addAll(args, call.args);
            }
            scriptCalls.increment();
            decided.add(batch.size());
            List<Object> replies = scripts.admit(keys.toArray(String[]::new), args.toArray(String[]::new));
            for (int i = 0; i < batch.size(); i++) {
                @SuppressWarnings("unchecked")
                List<Object> reply = (List<Object>) replies.get(i);
                batch.get(i).reply = reply;
            }
        } catch (RuntimeException failed) {
            for (Waiting call : batch) call.failure = failed; // Redis down or slow: each caller decides (RedisOutage)
        } catch (Error fatal) {
            // Nobody of the batch may be left parked for a reply that will never come.
            for (Waiting call : batch) call.failure = new IllegalStateException("admission failed", fatal);
            throw fatal;
        } finally {
            for (Waiting call : batch) LockSupport.unpark(call.thread);
        }
    }
}
