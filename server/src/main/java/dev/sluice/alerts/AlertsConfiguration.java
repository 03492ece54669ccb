package dev.sluice.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import dev.sluice.account.Accounts;

@Configuration(proxyBeanMethods = false)
class AlertsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AlertsConfiguration.class);

    /**
     * Checks every account now and then, so alerts are recorded even when nobody looks at the console. It reads the
     * rollups (a handful of indexed queries per account); db-scheduler runs it on one node of a cluster.
     */
    @Bean
    RecurringTask<Void> checkQuotaAlerts(QuotaAlerts alerts, Accounts accounts, AlertSettings settings) {
        return Tasks.recurring("check-quota-alerts", Schedules.fixedDelay(settings.checkInterval()))
                .execute((instance, context) -> {
                    for (var account : accounts.accounts()) {
                        try {
                            alerts.check(account);
                        } catch (RuntimeException e) {
                            log.warn("quota alerts of account {} could not be checked: {}", account.id(), e.toString());
                        }
                    }
                });
    }
}
