package dev.sluice.governance;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.sluice.account.Accounts;
import dev.sluice.catalog.RequestBinder;

/** The admission chain, assembled in one place: reading this method top to bottom is reading the design. */
@Configuration(proxyBeanMethods = false)
class GovernanceConfiguration {

    @Bean
    @ConditionalOnMissingBean
    NonceRegistry nonceRegistry(AuthSettings settings) {
        return new LocalNonceRegistry(settings.clockSkew());
    }

    @Bean
    AdmissionChain admissionChain(Accounts accounts, NonceRegistry nonces, AuthSettings settings, Clock clock,
                                  RequestBinder binder) {
        return AdmissionChain.of(
                new Authenticate(accounts, nonces, settings.clockSkew(), clock), // who signed, and is the signature good
                new Identity(),                                                 // an account's own user, not a role
                new RequestShape(binder),                                       // parameters as the catalog declares them
                new TenantScope());                                             // OpTenantId is the caller's tenant
    }
}
