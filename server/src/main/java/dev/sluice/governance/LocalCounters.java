package dev.sluice.governance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import dev.sluice.metering.UsageCounts;
import io.github.bucket4j.TimeMeter;

/**
 * Counters of a single node, exact for that node: each account's window is guarded by its own lock, so concurrent
 * callers of one account are serialised while different accounts never wait for each other. On first use after a
 * start, an account's day and month are seeded from the ledger, so a restart does not reset any limit.
 */
final class LocalCounters implements AdmissionCounters {

    private record Guarded(ReentrantLock lock, AccountWindow window) {
    }

    private final ConcurrentHashMap<Long, Guarded> accounts = new ConcurrentHashMap<>();
    private final UsageCounts usage;
    private final ZoneId zone;
    private final TimeMeter time;

    LocalCounters(UsageCounts usage, ZoneId zone, Clock clock) {
        this.usage = usage;
        this.zone = zone;
        this.time = new ClockTimeMeter(clock);
    }

    @Override
    public Admission admit(Demand demand) {
        Guarded guarded = guarded(demand);
        guarded.lock().lock();
        try {
            return guarded.window().admit(demand, zone);
        } finally {
            guarded.lock().unlock();
        }
    }

    @Override
    public void giveBack(Demand demand, Admission admission) {
        Guarded guarded = guarded(demand);
        guarded.lock().lock();
        try {
            guarded.window().giveBack(demand, zone);
        } finally {
            guarded.lock().unlock();
        }
    }

    private Guarded guarded(Demand demand) {
        return accounts.computeIfAbsent(demand.accountId(), id -> {
            LocalDate today = LocalDate.ofInstant(demand.at(), zone);
            return new Guarded(new ReentrantLock(), new AccountWindow(time, today, usage.admitted(id, today)));
        });
    }
}
