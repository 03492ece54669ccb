package dev.sluice.operations.supplement;

import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.runner.RunnerServerTest;
import dev.sluice.testsupport.TestPostgres;

/**
 * The same backfills on PostgreSQL, the cluster's database: the migration, the job locks ({@code FOR UPDATE SKIP
 * LOCKED}) with advancers racing, and the fixes' row locks.
 */
@RunnerServerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool closes before the database goes
class SupplementOnPostgresTest extends SupplementTest {

    static TestPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = TestPostgres.freshDatabase(Path.of("target/pg-supp19"));
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
