package dev.sluice.governance;

import java.time.Clock;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.sluice.account.Accounts;
import dev.sluice.catalog.RequestBinder;
import dev.sluice.dispatch.Dispatcher;
import dev.sluice.governance.cluster.RedisGovernance;
import dev.sluice.metering.UsageCounts;
import dev.sluice.plan.Plans;

/** The admission chain, assembled in one place: reading this method top to bottom is reading the design. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    /** Nonces in this process (embedded), or shared on Redis (cluster mode: {@code sluice.redis.url} is set). */
    @Bean
    NonceRegistry nonceRegistry(Clock clock, ObjectProvider<RedisGovernance> cluster) {
        NonceRegistry local = new LocalNonceRegistry(clock);
        RedisGovernance redis = cluster.getIfAvailable();
        return redis == null ? local : redis.nonces(local);
    }

    /** Counters in this process (embedded), or one atomic script per call on Redis (cluster mode). */
    @Bean
    AdmissionCounters admissionCounters(UsageCounts usage, Plans plans, Clock clock, ObjectProvider<RedisGovernance> cluster) {
        RedisGovernance redis = cluster.getIfAvailable();
        return redis == null ? new LocalCounters(usage, plans.zone(), clock)
                : redis.counters(() -> new LocalCounters(usage, plans.zone(), clock));
    }

    /**
     * The nonces each AccessKey may have remembered, and all keys together: it bounds the node's nonce table, and on
     * a cluster what each node lets a key store in Redis.
     */
    private static NonceBudget nonceBudget(AuthSettings settings, Clock clock) {
        return new NonceBudget(settings.noncesPerKey(), Math.max(settings.maxNonces(), settings.noncesPerKey()),
                settings.clockSkew().multipliedBy(2), clock);
    }

    @Bean
    @ConditionalOnProperty(name = "sluice.governance.enabled", havingValue = "false")
    AdmissionChain ungovernedChain(Accounts accounts, RequestBinder binder) {
        LoggerFactory.getLogger(GovernanceConfiguration.class)
                .warn("GOVERNANCE IS OFF: signatures, limits and metering are skipped. Use only as a benchmark baseline.");
        return AdmissionChain.of(new Unverified(accounts), new RequestShape(binder), new TenantScope());
    }

    @Bean
    @ConditionalOnProperty(name = "sluice.governance.enabled", havingValue = "true", matchIfMissing = true)
    AdmissionChain admissionChain(Accounts accounts, NonceRegistry nonces, AuthSettings settings, Clock clock,
                                  RequestBinder binder, Plans plans, Dispatcher dispatcher, AdmissionCounters counters) {
        return AdmissionChain.of(
                new Authenticate(accounts, nonces, nonceBudget(settings, clock), settings.clockSkew(), clock), // who signed, and is the signature good
                new Identity(),                                                 // an account's own user, not a role
                new AccountStanding(),                                          // no calls while payment is overdue
                new PolicyCheck(),                                              // full access, or read-only reads
                new AdminRule(accounts),                                        // tenant administrators where required
                new EditionGate(plans),                                         // the plan opens the operation's edition
                new RequestShape(binder),                                       // parameters as the catalog declares them
                new TenantScope(),                                              // OpTenantId is the caller's tenant
                new Implemented(dispatcher::handles),                           // nothing counted for unbuilt operations
                new CountedAdmission(counters, plans));                         // QPS, daily caps, monthly quota at once
    }
}
