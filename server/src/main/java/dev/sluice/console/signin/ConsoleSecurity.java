package dev.sluice.console.signin;

import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.sluice.account.Accounts;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.console.ConsoleUser;

/**
 * Sign-in for the console only. The RPC endpoint authenticates every call by its signature and the actuator is for
 * machines, so Spring Security's filter is registered for {@code /console/*} alone: requests to {@code /} and
 * {@code /actuator/*} never pass through it (no session, no CSRF, no firewall), exactly as before the console existed.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not for ./sluice admin
class ConsoleSecurity {

    static final String SIGN_IN = "/console/signin";

    @Bean
    SecurityFilterChain consoleChain(HttpSecurity http) throws Exception {
        return http.securityMatcher("/console/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/console/assets/**").permitAll()
                        .requestMatchers("/console/admin/**").hasAuthority(ConsoleUser.OPERATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .defaultSuccessUrl("/console", true).failureUrl(SIGN_IN + "?failed").permitAll())
                .logout(logout -> logout.logoutUrl("/console/signout").logoutSuccessUrl(SIGN_IN + "?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Hashes in the {@code {id}hash} format: bcrypt today; hashes of another algorithm keep working. */
    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Users of disabled accounts' users cannot sign in; an unknown name and a wrong password look the same. */
    @Bean
    UserDetailsService consoleUsers(ConsoleLogins logins, Accounts accounts) {
        return name -> logins.byLoginName(name)
                .filter(login -> accounts.user(login.accountId(), login.userId()).map(u -> u.enabled()).orElse(false))
                .map(ConsoleUser::new)
                .orElseThrow(() -> new UsernameNotFoundException("no console sign-in " + name));
    }

    /** Narrows Spring Security's servlet filter, which Spring Boot maps to every path, to the console's paths. */
    @Bean
    static BeanPostProcessor consoleOnlySecurityFilter() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DelegatingFilterProxyRegistrationBean registration
                        && beanName.equals("securityFilterChainRegistration")) {
                    registration.setUrlPatterns(List.of("/console/*"));
                }
                return bean;
            }
        };
    }
}
