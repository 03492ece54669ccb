package dev.sluice.governance.cluster;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.sluice.metering.UsageCounts;
import dev.sluice.plan.Plans;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** Cluster mode's Redis side, on when {@code sluice.redis.url} (environment: {@code SLUICE_REDIS_URL}) is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sluice.redis.url")
class RedisConfiguration {

    @Bean
    RedisGovernance redisGovernance(@Value("${sluice.redis.url}") String url, ClusterSettings settings, UsageCounts usage,
                                    Plans plans, Clock clock, MeterRegistry registry,
                                    @Value("${sluice.ledger.commit-deadline:5s}") Duration commitDeadline,
                                    @Value("${sluice.ledger.statement-timeout:3s}") Duration statementTimeout,
                                    @Value("${sluice.sources.check-timeout:10s}") Duration slowestOperation) {
        // Rebuilding sooner than a call in flight can still reach the ledger would forget it: refuse to start instead.
        // In flight means: its operation still running (the slowest, a data source check, has its own deadline), then
        // queued for the ledger (commit deadline), then committing (statement timeout).
        Duration inFlight = slowestOperation.plus(commitDeadline).plus(statementTimeout);
        if (settings.settle().compareTo(inFlight) < 0) {
            throw new IllegalStateException("sluice.cluster.settle (" + settings.settle() + ") must be at least sluice.sources.check-timeout"
                    + " + sluice.ledger.commit-deadline + sluice.ledger.statement-timeout (" + inFlight + ")");
        }
        LoggerFactory.getLogger(RedisConfiguration.class).info("Cluster mode: counters and nonces on Redis {} (when it is down: {})",
                url.replaceAll("//[^@/]*@", "//***@"), settings.redisDown());
        RedisGovernance governance = new RedisGovernance(url, settings, usage, plans.zone(), clock);
        FunctionCounter.builder("sluice.redis.commands", governance, RedisGovernance::commandsSent)
                .description("Commands this node sent to Redis (round trips)").register(registry);
        FunctionCounter.builder("sluice.redis.admission.scripts", governance, RedisGovernance::admissionScripts)
                .description("Admission script calls (EVALSHA) this node sent").register(registry);
        FunctionCounter.builder("sluice.redis.admission.calls", governance, RedisGovernance::admissionCalls)
                .description("Calls decided by those script calls; divided by them, the mean batch").register(registry);
        return governance;
    }
}
