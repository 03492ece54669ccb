package dev.sluice.operations.instance;

import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.runner.RunnerServerTest;
import dev.sluice.testsupport.TestPostgres;

/**
 * The same scheduler on PostgreSQL, the cluster's database: the migration, {@code FOR UPDATE SKIP LOCKED} claims with
 * two dispatchers racing, and the conditional status moves.
 */
@RunnerServerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool closes before the database goes
class SchedulerOnPostgresTest extends SchedulerTest {

    static TestPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = TestPostgres.freshDatabase(Path.of("target/pg-sched19"));
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
