package dev.sluice.operations.instance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code sluice.scheduler.*}: how often this node looks for instances to start and follows the ones running, and how
 * failed attempts are retried.
 *
 * @param enabled      whether this node dispatches at all (a node that only answers the API may leave it off)
 * @param pollInterval how often due instances are claimed and running ones followed
 * @param claimBatch   instances one poll claims at most
 * @param maxLogChars  characters of an instance's log answered by {@code GetPhysicalInstanceLog} per attempt; beyond
 *                     it the head and the tail are kept and the cut is said
 * @param generateEvery how often one node of the cluster generates instances ahead (db-scheduler, which looks for
 *                      due jobs every few seconds, bounds how often it happens)
 * @param retry        retries of failed attempts
 */
@Validated
@ConfigurationProperties("sluice.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled,
                                @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("50") @Min(1) @Max(1000) int claimBatch,
                                @DefaultValue("200000") @Min(1000) int maxLogChars,
                                @DefaultValue("1m") Duration generateEvery,
                                @DefaultValue Retry retry) {

    @ConstructorBinding
    public SchedulerSettings {
        if (pollInterval == null || pollInterval.toMillis() < 10 || pollInterval.toMinutes() > 10) {
            throw new IllegalArgumentException("sluice.scheduler.poll-interval must be between 10ms and 10m, got " + pollInterval);
        }
        if (generateEvery == null || generateEvery.toSeconds() < 1 || generateEvery.toHours() > 1) {
            throw new IllegalArgumentException("sluice.scheduler.generate-every must be between 1s and 1h, got " + generateEvery);
        }
        if (retry == null) retry = Retry.NONE;
    }

    /** Without retries of failed attempts (lost ones are still retried, as by default). */
    public SchedulerSettings(boolean enabled, Duration pollInterval, int claimBatch, int maxLogChars) {
        this(enabled, pollInterval, claimBatch, maxLogChars, Duration.ofMinutes(1), Retry.NONE);
    }

    /**
     * {@code sluice.scheduler.retry.*}. The contract's batch tasks carry no retry settings, so they are the server's.
     *
     * @param maxAttempts      attempts an instance gets when its SQL fails (1: a failure is final)
     * @param interval         how long after a failed attempt the next one may start
     * @param nodeLostAttempts attempts an instance gets when they are lost with their server node (its heartbeat
     *                         stopped, the runner failed the run as "node lost"); the next one starts at the next poll
     */
    public record Retry(@DefaultValue("1") int maxAttempts,
                        @DefaultValue("1m") Duration interval,
                        @DefaultValue("3") int nodeLostAttempts) {

        static final Retry NONE = new Retry(1, Duration.ofMinutes(1), 3);

        // Checked here rather than by bean validation, whose report names a nested key in camel case.
        public Retry {
            if (maxAttempts < 1 || maxAttempts > 100) {
                throw new IllegalArgumentException("sluice.scheduler.retry.max-attempts must be between 1 and 100, got " + maxAttempts);
            }
            if (nodeLostAttempts < 1 || nodeLostAttempts > 100) {
                throw new IllegalArgumentException("sluice.scheduler.retry.node-lost-attempts must be between 1 and 100, got "
                        + nodeLostAttempts);
            }
            if (interval == null || interval.isNegative() || interval.toHours() > 24) {
                throw new IllegalArgumentException("sluice.scheduler.retry.interval must be between 0s and 24h, got " + interval);
            }
        }
    }
}
