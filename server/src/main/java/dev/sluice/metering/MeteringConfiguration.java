package dev.sluice.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.sluice.account.Accounts;
import dev.sluice.metering.internal.GroupCommitLedger;
import dev.sluice.metering.internal.JournaledLedger;
import dev.sluice.metering.internal.LedgerJournal;
import dev.sluice.metering.internal.LedgerStore;
import dev.sluice.metering.internal.StoredCalls;
import dev.sluice.metering.internal.UsageStore;
import dev.sluice.plan.Plans;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class MeteringConfiguration {

    /**
     * The embedded node journals calls, the journal being its per-call ledger, and adds them to the rollups in H2 in
     * large batches ({@code sluice.ledger.journal}, set by the data directory's defaults); a cluster node commits each
     * batch of calls and rollups to PostgreSQL before answering.
     */
    @Bean
    @ConditionalOnMissingBean
    Ledger ledger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Plans plans, MeterRegistry registry, CallIntents intents,
                  @Value("${sluice.ledger.queue-capacity:20000}") int queueCapacity,
                  @Value("${sluice.ledger.max-batch:512}") int maxBatch,
                  @Value("${sluice.ledger.commit-deadline:5s}") Duration deadline,
                  @Value("${sluice.ledger.statement-timeout:3s}") Duration statementTimeout,
                  @Value("${sluice.ledger.linger:1ms}") Duration linger,
                  @Value("${sluice.ledger.journal:false}") boolean journaled,
                  @Value("${sluice.ledger.journal-dir:${sluice.data-dir:./data}/ledger-journal}") Path journalDir,
                  @Value("${sluice.ledger.fsync:false}") boolean fsync,
                  @Value("${sluice.ledger.store-batch:5000}") int storeBatch,
                  @Value("${sluice.ledger.store-interval:100ms}") Duration storeInterval,
                  @Value("${sluice.ledger.max-unstored:200000}") int maxUnstored,
                  @Value("${sluice.ledger.retention:0s}") Duration retention,
                  @Value("${sluice.ledger.intent-grace:60s}") Duration intentGrace,
                  @Value("${sluice.ledger.intent-sweep:10s}") Duration intentSweep,
                  @Value("${sluice.ledger.refusals-per-key:1000}") int refusalsPerKey,
                  @Value("${sluice.ledger.refusals-pending:5000}") int refusalsPending) {
        // An intent younger than this may still get its own record (on any node): recovering it too would count it twice.
        Duration longestCommit = deadline.plus(statementTimeout);
        if (intentGrace.compareTo(longestCommit.plusSeconds(2)) < 0) {
            throw new IllegalStateException("sluice.ledger.intent-grace (" + intentGrace + ") must exceed sluice.ledger.commit-deadline"
                    + " plus sluice.ledger.statement-timeout (" + longestCommit + ") by at least 2s");
        }
        // The copier's 100 ms: tried at 1 s, fewer H2 commits saved less than the collector then spent on records
        // held that long (they outlive young collections and get copied, then promoted); ./sluice bench admission
        // --processes gave 0.84 at 1 s and 0.91 at 100 ms.
        // A bounded statement time is part of the ledger's promise (committed by deadline + statement timeout, or
        // never) that the gateway's wait and the cluster's rebuild rely on.
        TransactionTemplate bounded = new TransactionTemplate(transactions);
        bounded.setTimeout((int) Math.max(1, statementTimeout.toSeconds()));
        LedgerStore store = new LedgerStore(jdbc, bounded, plans.zone());
        if (journaled) {
            LedgerJournal journal = LedgerJournal.open(journalDir, 16L << 20, fsync);
            return new JournaledLedger(store, journal, maxBatch, storeBatch, storeInterval, maxUnstored, retention,
                    refusalsPerKey, refusalsPending, registry, intents, intentGrace, intentSweep);
        }
        // A zero sweep interval (operator commands) leaves the intents to the servers.
        return new GroupCommitLedger(store, queueCapacity, maxBatch, deadline, linger, refusalsPerKey, refusalsPending, registry,
                intentSweep.isZero() ? null : intents, intentGrace, intentSweep);
    }

    @Bean
    CallIntents callIntents(JdbcTemplate jdbc, Clock clock) {
        return new CallIntents(jdbc, clock);
    }

    @Bean
    RecordedCalls recordedCalls(JdbcTemplate jdbc, Plans plans,
                                @Value("${sluice.ledger.journal-dir:${sluice.data-dir:./data}/ledger-journal}") Path journalDir) {
        return new StoredCalls(jdbc, journalDir, plans.zone());
    }

    @Bean
    UsageStore usageStore(JdbcClient jdbc, Ledger ledger) {
        return new UsageStore(jdbc, ledger::awaitStored);
    }

    @Bean
    @ConditionalOnMissingBean
    UsageCounts usageCounts(UsageStore store) {
        return store::admitted;
    }

    @Bean
    MonthlyBills monthlyBills(UsageStore store, Accounts accounts, Plans plans, Clock clock) {
        return new MonthlyBills(store, accounts, plans, clock);
    }

    /** Daily, shortly after midnight in the plans' zone; db-scheduler runs it on one node of a cluster. */
    @Bean
    RecurringTask<Void> closeMonthlyBills(MonthlyBills bills, Plans plans) {
        return Tasks.recurring("close-monthly-bills", Schedules.daily(plans.zone(), LocalTime.of(0, 10)))
                .execute((instance, context) -> bills.closeEndedMonths());
    }

}
