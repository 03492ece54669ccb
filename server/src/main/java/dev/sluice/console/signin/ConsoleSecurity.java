package dev.sluice.console.signin;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.DelegatingFilterProxyRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

import dev.sluice.account.ConsoleLogins;
import dev.sluice.console.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Sign-in for the console only. The RPC endpoint authenticates every call by its signature and the actuator is for
 * machines, so Spring Security's filter is registered for {@code /console/*} alone: requests to {@code /} and
 * {@code /actuator/*} never pass through it (no session, no CSRF, no firewall), exactly as before the console existed.
 * Sign-in is throttled per name and per address ({@link SignInThrottle}); every signed-in request is checked against
 * the stored sign-in ({@link SessionRecheck}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not for ./sluice admin
class ConsoleSecurity {

    static final String SIGN_IN = "/console/signin";

    @Bean
    SecurityFilterChain consoleChain(HttpSecurity http, UserDetailsService consoleUsers, PasswordEncoder consolePasswordEncoder,
                                     SignInLimits limits, Clock clock, ConsoleLogins logins) throws Exception {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(consoleUsers);
        passwords.setPasswordEncoder(consolePasswordEncoder);
        // The console's own manager, without Spring's global one as parent: a throttled refusal is final.
        ProviderManager signIn = new ProviderManager(new ThrottledSignIn(passwords, new SignInThrottle(limits, clock)));
        return http.securityMatcher("/console/**")
                .authenticationManager(signIn)
                .addFilterBefore(new SessionRecheck(logins), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(SIGN_IN, "/console/assets/**").permitAll()
                        .requestMatchers("/console/admin/**").hasAuthority(ConsoleUser.OPERATOR)
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage(SIGN_IN).loginProcessingUrl(SIGN_IN)
                        .defaultSuccessUrl("/console", true).failureHandler(ConsoleSecurity::signInFailed).permitAll())
                .logout(logout -> logout.logoutUrl("/console/signout").logoutSuccessUrl(SIGN_IN + "?signedOut"))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Back to the sign-in page, saying whether the password was wrong or sign-in is refused for a while (and how long). */
    private static void signInFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String query = failure instanceof SignInLocked locked
                ? "?locked=" + Math.max(1, (locked.retryAfter().toSeconds() + 59) / 60)
                : "?failed";
        response.sendRedirect(request.getContextPath() + SIGN_IN + query);
    }

    /** Hashes in the {@code {id}hash} format: bcrypt today; hashes of another algorithm keep working. */
    @Bean
    PasswordEncoder consolePasswordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Disabled users cannot sign in; an unknown name and a wrong password look the same. */
    @Bean
    UserDetailsService consoleUsers(ConsoleLogins logins) {
        return name -> logins.activeLogin(name)
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
