package dev.sluice.governance.cluster;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import dev.sluice.governance.Admission;
import dev.sluice.governance.Demand;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.metering.UsageCounts;

/**
 * Rebuilds an account's day and month counts from the ledger (the truth) when Redis no longer has them: after a
 * restart or a flush, or after a month without calls (the key expired).
 *
 * <p><b>Calls in flight.</b> When Redis lost its counts, calls it had admitted just before may not have reached the
 * ledger yet: reading the ledger at once would miss them and admit that many calls too many. A call admitted at
 * {@code t} runs its operation (the slowest has its own deadline, {@code sluice.sources.check-timeout}), and the ledger
 * then commits it within its commit deadline plus statement timeout or never (see {@code GroupCommitLedger}); so the
 * first node to find counts missing starts a settle period at least as long as all three,
 * on the Redis clock, during which every node refuses counted calls with 503 (nothing is admitted uncounted, and
 * {@code Retry-After} says how long). After it, a ledger read contains every call that will ever be committed from
 * before the loss. Calls admitted before the loss and given back after it carry the old epoch, which the rebuilt
 * counts do not have, so they cannot lower them. Once settled, a marker says so, and counts that go missing later
 * (an idle account's key expiring) are rebuilt at once: no call can be in flight for them that Redis did not count.
 * Several nodes may rebuild the same account at once; the first seed wins and the others change nothing.
 */
final class LedgerRebuild {

    private final RedisScripts scripts;
    private final ClusterKeys keys;
    private final UsageCounts usage;
    private final Duration settle;

    LedgerRebuild(RedisScripts scripts, ClusterKeys keys, UsageCounts usage, Duration settle) {
        this.scripts = scripts;
        this.keys = keys;
        this.usage = usage;
        this.settle = settle;
    }

    /** Seeds the counts and returns null, or returns the 503 answer while rebuilding is not yet safe. */
    Admission rebuild(Demand demand, String usageKey, long day, long month, String nowMicros) {
        String nowMillis = nowMicros.isEmpty() ? "" : String.valueOf(Long.parseLong(nowMicros) / 1000);
        long wait = scripts.settle(new String[] {keys.settled(), keys.settling()},
                new String[] {String.valueOf(settle.toMillis()), nowMillis});
        if (wait > 0) {
            return Admission.unavailable("the usage counters are being rebuilt from the ledger after a restart of the "
                    + "counter store; calls are refused until they are exact again.", wait);
        }
        seed(demand.accountId(), usageKey, day, month, "create");
        return null;
    }

    /**
     * Starts the settle period now if it has not started, so that on a new (or restarted) Redis the wait has usually
     * passed before the first counted call arrives. Returns the milliseconds still to wait.
     */
    long startSettling() {
        return scripts.settle(new String[] {keys.settled(), keys.settling()}, new String[] {String.valueOf(settle.toMillis()), ""});
    }

    /** Raises existing counts to the ledger's where they are lower (after counting locally while Redis was away). */
    void raise(long accountId, String usageKey, long day, long month) {
        seed(accountId, usageKey, day, month, "raise");
    }

    private void seed(long accountId, String usageKey, long day, long month, String mode) {
        AdmittedCounts counts = usage.admitted(accountId, LocalDate.ofEpochDay(day));
        String epoch = UUID.randomUUID().toString().substring(0, 8);
        scripts.seed(usageKey, new String[] {epoch, String.valueOf(day), String.valueOf(month),
                String.valueOf(counts.dayLevel1()), String.valueOf(counts.dayLevel2()), String.valueOf(counts.dayLevel3()),
                String.valueOf(counts.dayRead()), String.valueOf(counts.dayWrite()), String.valueOf(counts.monthTotal()), mode});
    }
}
