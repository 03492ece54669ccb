package dev.sluice.operations.instance;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code sluice.scheduler.*}: how often this node looks for instances to start and follows the ones running.
 *
 * @param enabled      whether this node dispatches at all (a node that only answers the API may leave it off)
 * @param pollInterval how often due instances are claimed and running ones followed
 * @param claimBatch   instances one poll claims at most
 * @param maxLogChars  characters of an instance's log answered by {@code GetPhysicalInstanceLog} per attempt; beyond
 *                     it the head and the tail are kept and the cut is said
 */
@Validated
@ConfigurationProperties("sluice.scheduler")
public record SchedulerSettings(@DefaultValue("true") boolean enabled,
                                @DefaultValue("1s") Duration pollInterval,
                                @DefaultValue("50") @Min(1) @Max(1000) int claimBatch,
                                @DefaultValue("200000") @Min(1000) int maxLogChars) {

    public SchedulerSettings {
        if (pollInterval == null || pollInterval.toMillis() < 10 || pollInterval.toMinutes() > 10) {
            throw new IllegalArgumentException("sluice.scheduler.poll-interval must be between 10ms and 10m, got " + pollInterval);
        }
    }
}
