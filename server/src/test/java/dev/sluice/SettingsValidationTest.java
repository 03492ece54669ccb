package dev.sluice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

import dev.sluice.metering.LedgerSettings;

/** A bad setting stops the server at start, and what the operator reads names the key to fix. */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationTest {

    @ParameterizedTest
    @CsvSource({
            "sluice.ledger.linger, -1ms",
            "sluice.ledger.max-batch, 0",
            "sluice.ledger.queue-capacity, -5",
            "sluice.ledger.commit-deadline, 0s",
            "sluice.ledger.intent-grace, 5s",
            "sluice.cluster.admission-batch, 0",
            "sluice.alerts.check-interval, 0s",
            "sluice.alerts.notify.max-attempts, 0",
            "sluice.alerts.smtp.port, 70000",
            "sluice.sources.check-timeout, 0s",
            "sluice.runner.max-running-per-source, 0",
            "sluice.scheduler.retry.max-attempts, 0",
            "sluice.scheduler.retry.interval, -1s",
            "sluice.scheduler.retry.node-lost-attempts, 101",
            "sluice.adhoc.timeout, 0s",
            "sluice.storage.credential-ttl, 10s",
            "sluice.storage.max-object-bytes, 0",
            "sluice.storage.endpoint, ftp://store.example",
    })
    void aBadValueStopsStartupNamingTheKey(String key, String value, CapturedOutput output) {
        assertThatThrownBy(() -> start("--" + key + "=" + value)).isInstanceOf(RuntimeException.class);

        String all = output.getAll();
        assertThat(all).contains("APPLICATION FAILED TO START");
        assertThat(all.substring(all.indexOf("APPLICATION FAILED TO START"))).contains(key);
    }

    @Test
    void theJournalFollowsTheDataDirectoryUnlessMoved() throws Exception {
        assertThat(ledgerSettings(Map.of("sluice.data-dir", "/srv/sluice")).journalDir()).isEqualTo(Path.of("/srv/sluice/ledger-journal"));
        assertThat(ledgerSettings(Map.of("sluice.data-dir", "/srv/sluice", "sluice.ledger.journal-dir", "/fast/journal")).journalDir())
                .isEqualTo(Path.of("/fast/journal"));
        // Relaxed binding: the environment variable's spelling.
        assertThat(ledgerSettings(Map.of(), Map.of("SLUICE_LEDGER_LINGER", "2ms")).linger()).hasMillis(2);
        assertThat(ledgerSettings(Map.of()).linger()).hasMillis(1);
    }

    private static void start(String badArgument) {
        String dataDir = "target/settings-test/" + UUID.randomUUID();
        new SpringApplicationBuilder(SluiceApplication.class).run("--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:settings-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--sluice.data-dir=" + dataDir, "--sluice.bootstrap.enabled=false", "--sluice.jobs.enabled=false",
                badArgument).close();
    }

    /** Binds {@code sluice.ledger} the way the server does, over application.yml and the given overrides. */
    private static LedgerSettings ledgerSettings(Map<String, Object> overrides) throws Exception {
        return ledgerSettings(overrides, Map.of());
    }

    private static LedgerSettings ledgerSettings(Map<String, Object> overrides, Map<String, Object> variables) throws Exception {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("overrides", overrides));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))
                .forEach(environment.getPropertySources()::addLast);
        return Binder.get(environment).bindOrCreate("sluice.ledger", LedgerSettings.class);
    }
}
