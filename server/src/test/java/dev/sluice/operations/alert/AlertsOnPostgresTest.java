package dev.sluice.operations.alert;

import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.runner.RunnerServerTest;
import dev.sluice.testsupport.TestPostgres;

/**
 * The same alerts on PostgreSQL, the cluster's database: the migration, the racing evaluators on the unique key (a
 * lost insert race aborts only its own transaction), and {@code FOR UPDATE SKIP LOCKED} claims of notifications.
 */
@RunnerServerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool closes before the database goes
class AlertsOnPostgresTest extends AlertsTest {

    static TestPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = TestPostgres.freshDatabase(Path.of("target/pg-alerts"));
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                // a leftover test database is harmless
            }
        }));
    }
}
