package dev.sluice.runner;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * {@code sluice.runner.*}: how much SQL one node runs at once and how much of it the database keeps. A run's hard
 * timeout is not here: each caller passes its own ({@code sluice.adhoc.timeout} for ad hoc runs).
 *
 * @param maxRunningPerSource runs executing at once per compute or data source on one node; the others wait as
 *                            {@code WAIT_RESOURCE}
 * @param maxQueuedPerSource  runs waiting per source on one node; one more is refused at once
 * @param maxResultRows       rows kept of a query's result; the rest are dropped and the result says {@code truncated}
 * @param maxResultChars      characters of one result's JSON text, the bound rows alone would not give (wide rows)
 * @param maxLogChars         characters of one statement's log; beyond it the log says it was cut
 * @param retention           how long runs, logs and results are kept after they started
 * @param cancelPoll          how often a node looks for stop requests made on other nodes and beats its heart
 * @param stopGrace           how long a cancelled statement may still run before the engine's own kill is sent
 * @param nodeLostAfter       a run whose node has not beaten its heart for this long is failed as "node lost"
 */
@Validated
@ConfigurationProperties("sluice.runner")
public record RunnerSettings(@DefaultValue("4") @Min(1) @Max(1000) int maxRunningPerSource,
                             @DefaultValue("100") @Min(0) @Max(100000) int maxQueuedPerSource,
                             @DefaultValue("10000") @Min(1) @Max(1000000) int maxResultRows,
                             @DefaultValue("16777216") @Min(1024) int maxResultChars,
                             @DefaultValue("65536") @Min(1024) int maxLogChars,
                             @DefaultValue("7d") Duration retention,
                             @DefaultValue("500ms") Duration cancelPoll,
                             @DefaultValue("3s") Duration stopGrace,
                             @DefaultValue("60s") Duration nodeLostAfter) {

    public RunnerSettings {
        positive("retention", retention);
        positive("cancel-poll", cancelPoll);
        positive("stop-grace", stopGrace);
        positive("node-lost-after", nodeLostAfter);
        if (nodeLostAfter.compareTo(cancelPoll.multipliedBy(10)) < 0) {
            throw new IllegalArgumentException("sluice.runner.node-lost-after must be at least ten times sluice.runner.cancel-poll "
                    + "(the heartbeat), got " + nodeLostAfter + " and " + cancelPoll);
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("sluice.runner." + key + " must be a positive duration, got " + value);
        }
    }
}
