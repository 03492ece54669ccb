package dev.sluice.runner;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * The runs' housekeeping, once a minute on exactly one node of a cluster (db-scheduler): runs whose node stopped beating
 * its heart are failed as "node lost" (nobody else will finish them), and finished runs older than
 * {@code sluice.runner.retention} are deleted with their logs and results.
 */
@Configuration(proxyBeanMethods = false)
class RunJobs {

    private static final Logger log = LoggerFactory.getLogger(RunJobs.class);

    @Bean
    RecurringTask<Void> sqlRunHousekeeping(SqlRunner runner, RunStore store, RunnerSettings settings, Clock clock) {
        return Tasks.recurring("sql-run-housekeeping", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    long now = clock.millis();
                    int lost = runner.failLostRuns();
                    int deleted = store.deleteFinishedBefore(now - settings.retention().toMillis());
                    if (lost > 0 || deleted > 0) log.info("SQL runs: {} failed as node lost, {} deleted after the retention", lost, deleted);
                });
    }
}
