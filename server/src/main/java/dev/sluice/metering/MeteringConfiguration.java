package dev.sluice.metering;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;

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
import dev.sluice.metering.internal.LedgerStore;
import dev.sluice.metering.internal.UsageStore;
import dev.sluice.plan.Plans;
import io.micrometer.core.instrument.MeterRegistry;

@Configuration(proxyBeanMethods = false)
class MeteringConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Ledger ledger(JdbcTemplate jdbc, PlatformTransactionManager transactions, Plans plans, MeterRegistry registry,
                  @Value("${sluice.ledger.queue-capacity:20000}") int queueCapacity,
                  @Value("${sluice.ledger.max-batch:512}") int maxBatch,
                  @Value("${sluice.ledger.commit-deadline:5s}") Duration deadline,
                  @Value("${sluice.ledger.statement-timeout:3s}") Duration statementTimeout,
                  @Value("${sluice.ledger.linger:1ms}") Duration linger) {
        // A bounded statement time is part of the ledger's promise (committed by deadline + statement timeout, or
        // never) that the gateway's wait and the cluster's rebuild rely on.
        TransactionTemplate bounded = new TransactionTemplate(transactions);
        bounded.setTimeout((int) Math.max(1, statementTimeout.toSeconds()));
        return new GroupCommitLedger(new LedgerStore(jdbc, bounded, plans.zone()), queueCapacity, maxBatch, deadline,
                linger, registry);
    }

    @Bean
    UsageStore usageStore(JdbcClient jdbc) {
        return new UsageStore(jdbc);
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
