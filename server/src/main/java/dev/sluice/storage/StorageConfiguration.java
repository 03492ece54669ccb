package dev.sluice.storage;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import dev.sluice.system.DataSettings;

/** One {@link ObjectStore}: the data directory's folder unless {@code sluice.storage.endpoint} names an external store. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final String EXTERNAL = "!'${sluice.storage.endpoint:}'.isBlank()";

    @Bean
    @ConditionalOnExpression("'${sluice.storage.endpoint:}'.isBlank()")
    EmbeddedObjectStore embeddedObjectStore(StorageSettings settings, DataSettings data, Environment environment, Clock clock) {
        return new EmbeddedObjectStore(new FolderObjects(data.dataDir().resolve("storage")), settings,
                () -> settings.publicUrl().isBlank() ? "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port") : settings.publicUrl(),
                clock);
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression(EXTERNAL)
    ExternalObjectStore externalObjectStore(StorageSettings settings) {
        return new ExternalObjectStore(settings);
    }
}
