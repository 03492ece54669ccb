package dev.sluice.platform.transfer;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.sluice.protocol.PopErrors;

/**
 * Transfers run as db-scheduler one-time tasks (one per transfer, keyed by its id), so exactly one node of a cluster
 * runs each and a node that dies mid-transfer has it picked up again by another. A sweep every minute re-queues
 * transfers left unfinished without a task: the request that created one may have died between its commit and the
 * scheduling, or the task may have used up its retries while the database was away.
 */
@Configuration(proxyBeanMethods = false)
class TransferJobs {

    static final String TASK = "ownership-transfer";

    @Bean
    OneTimeTask<Long> ownershipTransferTask(TransferRunner runner) {
        return Tasks.oneTime(TASK, Long.class)
                .onFailure(new FailureHandler.MaxRetriesFailureHandler<>(5,
                        new FailureHandler.ExponentialBackoffFailureHandler<>(Duration.ofSeconds(10))))
                .execute((instance, context) -> runner.run(instance.getData()));
    }

    @Bean
    RecurringTask<Void> resumeOwnershipTransfers(JdbcClient jdbc, OneTimeTask<Long> ownershipTransferTask, Clock clock) {
        return Tasks.recurring("resume-ownership-transfers", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> {
                    long settled = clock.millis() - Duration.ofMinutes(1).toMillis();
                    List<Long> unfinished = jdbc.sql("select id from ownership_transfer where status in ('PENDING', 'RUNNING')"
                            + " and modified_at < :settled").param("settled", settled).query(Long.class).list();
                    for (Long id : unfinished) enqueue(context.getSchedulerClient(), ownershipTransferTask, id, clock);
                });
    }

    @Bean
    TransferQueue transferQueue(ObjectProvider<Scheduler> scheduler, OneTimeTask<Long> ownershipTransferTask, Clock clock) {
        return id -> {
            Scheduler jobs = scheduler.getIfAvailable();
            if (jobs == null) throw PopErrors.serviceUnavailable("background jobs are disabled on this server").exception();
            // The scheduler has connections of its own: queued before the transfer commits (writes run in one
            // transaction with their call intent), the task could look for the transfer and find nothing.
            if (!TransactionSynchronizationManager.isSynchronizationActive()) {
                enqueue(jobs, ownershipTransferTask, id, clock);
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    enqueue(jobs, ownershipTransferTask, id, clock);
                }
            });
        };
    }

    private static void enqueue(SchedulerClient client, OneTimeTask<Long> task, long id, Clock clock) {
        client.scheduleIfNotExists(task.instance(String.valueOf(id), id), clock.instant());
    }

    /** Queues a committed transfer for running. */
    interface TransferQueue {
        void enqueue(long transferId);
    }
}
