package dev.sluice.governance.cluster;

import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * Cluster mode, active when {@code sluice.redis.url} (or {@code SLUICE_REDIS_URL}) is set.
 *
 * @param redisDown    {@code closed} (default): refuse counted calls with 503 while Redis is unreachable;
 *                     {@code local}: count per node meanwhile (see {@link RedisOutage})
 * @param settle       how long counts lost with Redis wait before they are rebuilt from the ledger; at least the
 *                     longest a call can be in flight (slowest operation + ledger commit deadline + statement
 *                     timeout: 10 + 5 + 3 s by default), checked at start-up (see {@link LedgerRebuild})
 * @param keyPrefix    prefix of every Redis key, to keep installations sharing one Redis apart
 * @param redisTimeout the longest a call waits for Redis before it is refused
 * @param admissionBatch at most this many calls of one account, arriving together, share one script call (see
 *                     {@link AdmissionBatches}); 1 sends every call alone
 */
@Validated
@ConfigurationProperties("sluice.cluster")
record ClusterSettings(@DefaultValue("closed") @NotNull RedisOutage.Mode redisDown, @DefaultValue("20s") @NotNull @DurationMin(nanos = 1) Duration settle,
                       @DefaultValue("sluice:") @NotBlank String keyPrefix, @DefaultValue("1s") @NotNull @DurationMin(nanos = 1) Duration redisTimeout,
                       @DefaultValue("64") @Min(1) @Max(1000) int admissionBatch) {

    /**
     * Rebuilding sooner than a call in flight can still reach the ledger would forget it: refuse to start instead. In
     * flight means: its operation still running (the slowest, a data source check, has its own deadline), then queued
     * for the ledger (commit deadline), then committing (statement timeout). Checked where the three settings meet (they
     * belong to three features), when cluster mode starts.
     */
    void requireSettleCovers(Duration slowestOperation, Duration longestCommit) {
        Duration inFlight = slowestOperation.plus(longestCommit);
        if (settle.compareTo(inFlight) < 0) {
            throw new IllegalStateException("sluice.cluster.settle (" + settle + ") must be at least sluice.sources.check-timeout"
                    + " + sluice.ledger.commit-deadline + sluice.ledger.statement-timeout (" + inFlight + ")");
        }
    }
}
