package dev.sluice.metering;

import java.time.Clock;
import java.time.LocalTime;

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
                  LedgerSettings settings) {
        // A bounded statement time is part of the ledger's promise (committed by deadline + statement timeout, or
        // never) that the gateway's wait and the cluster's rebuild rely on.
        TransactionTemplate bounded = new TransactionTemplate(transactions);
        bounded.setTimeout((int) Math.max(1, settings.statementTimeout().toSeconds()));
        LedgerStore store = new LedgerStore(jdbc, bounded, plans.zone());
        if (settings.journal()) {
            LedgerJournal journal = LedgerJournal.open(settings.journalDir(), 16L << 20, settings.fsync());
            return new JournaledLedger(store, journal, settings.maxBatch(), settings.storeBatch(), settings.storeInterval(),
                    settings.maxUnstored(), settings.retention(), settings.refusalsPerKey(), settings.refusalsPending(), registry,
                    intents, settings.intentGrace(), settings.intentSweep());
        }
        // A zero sweep interval (operator commands) leaves the intents to the servers.
        return new GroupCommitLedger(store, settings.queueCapacity(), settings.maxBatch(), settings.commitDeadline(), settings.linger(),
                settings.refusalsPerKey(), settings.refusalsPending(), registry,
                settings.intentSweep().isZero() ? null : intents, settings.intentGrace(), settings.intentSweep());
    }

    @Bean
    CallIntents callIntents(JdbcTemplate jdbc, Clock clock) {
        return new CallIntents(jdbc, clock);
    }

    @Bean
    RecordedCalls recordedCalls(JdbcTemplate jdbc, Plans plans, LedgerSettings settings) {
        return new StoredCalls(jdbc, settings.journalDir(), plans.zone());
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
