package dev.sluice.develop.batch;

import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestPostgres;

/**
 * The same batch task life on PostgreSQL, the cluster's database: the migration, the object row locks of submits and
 * publishes, and the output names' unique key (a taken name refused without poisoning the call's transaction).
 */
@SluiceServerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool closes before the database goes
class BatchTaskOnPostgresTest extends BatchTaskOperationsTest {

    static TestPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = TestPostgres.freshDatabase(Path.of("target/pg-store18-batch"));
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
