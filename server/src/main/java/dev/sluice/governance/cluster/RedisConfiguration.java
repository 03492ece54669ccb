package dev.sluice.governance.cluster;

import java.time.Clock;

import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.sluice.metering.LedgerSettings;
import dev.sluice.metering.UsageCounts;
import dev.sluice.plan.Plans;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** Cluster mode's Redis side, on when {@code sluice.redis.url} (environment: {@code SLUICE_REDIS_URL}) is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "sluice.redis.url")
class RedisConfiguration {

    @Bean
    RedisGovernance redisGovernance(RedisSettings redis, ClusterSettings settings, LedgerSettings ledger, SlowestOperation slowest,
                                    UsageCounts usage, Plans plans, Clock clock, MeterRegistry registry) {
        settings.requireSettleCovers(slowest.checkTimeout(), ledger.longestCommit());
        String url = redis.url();
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
