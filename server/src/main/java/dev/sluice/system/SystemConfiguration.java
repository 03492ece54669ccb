package dev.sluice.system;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    /** One clock for the whole server, so tests can move time (day and month roll-over) deterministically. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Checked against the database before anything uses it (Spring Boot runs Flyway before JDBC clients are made). */
    @Bean
    SecretCipher secretCipher(DataSettings settings, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        SecretCipher cipher = new SecretCipher(MasterKey.load(settings.masterKey(), settings.dataDir()));
        MasterKeyCheck.verify(jdbc, cipher);
        return cipher;
    }
}
