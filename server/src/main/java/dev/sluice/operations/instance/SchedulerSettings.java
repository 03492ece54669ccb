package dev.sluice.operations.instance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
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
 * @param retry        retries of failed attempts
 */
@Validated
@ConfigurationProperties("sluice.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled,
                                @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("50") @Min(1) @Max(1000) int claimBatch,
                                @DefaultValue("200000") @Min(1000) int maxLogChars,
                                @DefaultValue @Valid Retry retry) {

    @ConstructorBinding
    public SchedulerSettings {
        if (pollInterval == null || pollInterval.toMillis() < 10 || pollInterval.toMinutes() > 10) {
            throw new IllegalArgumentException("sluice.scheduler.poll-interval must be between 10ms and 10m, got " + pollInterval);
        }
        if (retry == null) retry = Retry.NONE;
    }

    /** Without retries of failed attempts (lost ones are still retried, as by default). */
    public SchedulerSettings(boolean enabled, Duration pollInterval, int claimBatch, int maxLogChars) {
        this(enabled, pollInterval, claimBatch, maxLogChars, Retry.NONE);
    }

    /**
     * {@code sluice.scheduler.retry.*}. The contract's batch tasks carry no retry settings, so they are the server's.
     *
     * @param maxAttempts      attempts an instance gets when its SQL fails (1: a failure is final)
     * @param interval         how long after a failed attempt the next one may start
     * @param nodeLostAttempts attempts an instance gets when they are lost with their server node (its heartbeat
     *                         stopped, the runner failed the run as "node lost"); the next one starts at the next poll
     */
    public record Retry(@DefaultValue("1") @Min(1) @Max(100) int maxAttempts,
                        @DefaultValue("1m") Duration interval,
                        @DefaultValue("3") @Min(1) @Max(100) int nodeLostAttempts) {

        static final Retry NONE = new Retry(1, Duration.ofMinutes(1), 3);

        public Retry {
            if (interval == null || interval.isNegative() || interval.toHours() > 24) {
                throw new IllegalArgumentException("sluice.scheduler.retry.interval must be between 0s and 24h, got " + interval);
            }
        }
    }
}
