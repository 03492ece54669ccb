package dev.sluice.operations.instance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Instance generation, every {@code sluice.scheduler.generate-every} (a minute) on exactly one node of a cluster
 * (db-scheduler): the rest of today and all of tomorrow, so a task published now gets today's remaining instances within
 * that time.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerJobs {

    private static final Logger log = LoggerFactory.getLogger(SchedulerJobs.class);

    @Bean
    RecurringTask<Void> instanceGeneration(InstanceGenerator generator, SchedulerSettings settings) {
        return Tasks.recurring("scheduler-instance-generation", FixedDelay.of(settings.generateEvery()))
                .execute((instance, context) -> {
                    int added = generator.generateAhead();
                    if (added > 0) log.info("Scheduler: {} instances generated", added);
                });
    }
}
