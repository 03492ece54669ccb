package dev.sluice.system;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.OnStartup;
import com.github.kagkarlsson.scheduler.task.Task;

/**
 * Durable, cluster-safe background jobs (db-scheduler on the server's own database): every module contributes its
 * tasks as beans, and one scheduler per node runs them; the {@code scheduled_tasks} table makes sure a due execution
 * runs on exactly one node.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sluice.jobs.enabled", havingValue = "true", matchIfMissing = true)
class JobScheduling {

    @Bean
    @SuppressWarnings({"unchecked", "rawtypes"}) // startTasks wants Task & OnStartup, an intersection a List can't name
    Scheduler jobScheduler(DataSource dataSource, List<Task<?>> tasks) {
        List recurring = tasks.stream().filter(task -> task instanceof OnStartup).toList();
        List<Task<?>> others = tasks.stream().filter(task -> !(task instanceof OnStartup)).toList();
        return Scheduler.create(dataSource, others) // startTasks registers the recurring ones itself

                .startTasks(recurring)
                .threads(2)
                .pollingInterval(Duration.ofSeconds(5))
                .enableImmediateExecution()
                .build();
    }

    /** Starts polling once the context is ready and stops before the database goes away. */
    @Bean
    SmartLifecycle jobSchedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }
}
