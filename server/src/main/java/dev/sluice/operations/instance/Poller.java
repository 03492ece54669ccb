package dev.sluice.operations.instance;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The background loop of a scheduler part: one daemon thread that, once started, runs a poll every
 * {@code sluice.scheduler.poll-interval} (not at all while the scheduler is disabled). A failed poll is logged under its
 * owner's name and the loop goes on, so one bad round never stops the scheduler.
 */
public final class Poller {

    private final Logger log;
    private final String failure;
    private final ScheduledExecutorService timer;

    /** @param failure what the log says when a poll throws */
    public Poller(Class<?> owner, String threadName, String failure) {
        this.log = LoggerFactory.getLogger(owner);
        this.failure = failure;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    public void start(SchedulerSettings settings, Runnable poll) {
        if (!settings.enabled()) return;
        long every = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                log.warn(failure, e);
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    public void stop() {
        timer.shutdownNow();
    }
}
