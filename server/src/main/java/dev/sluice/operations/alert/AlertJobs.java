package dev.sluice.operations.alert;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The two alert jobs, each on one node of a cluster at a time (db-scheduler): checking instances against the rules,
 * and sending what is due. Their precision is the job scheduler's polling interval (seconds).
 */
@Configuration(proxyBeanMethods = false)
class AlertJobs {

    private static final Logger log = LoggerFactory.getLogger(AlertJobs.class);

    @Bean
    RecurringTask<Void> alertEvaluation(AlertEvaluator evaluator, AlertNotifySettings settings) {
        return Tasks.recurring("alert-evaluation", Schedules.fixedDelay(settings.evaluateEvery()))
                .execute((instance, context) -> {
                    int raised = evaluator.evaluate();
                    if (raised > 0) log.info("Alerts: {} events raised", raised);
                });
    }

    @Bean
    RecurringTask<Void> alertSending(NotificationSender sender, AlertNotifySettings settings) {
        return Tasks.recurring("alert-sending", Schedules.fixedDelay(settings.sendEvery()))
                .execute((instance, context) -> {
                    if (!settings.sending()) return;
                    while (sender.sendDue() > 0) {
                        // keep going while a round found work: a burst of alerts should not wait a poll per batch
                    }
                });
    }
}
