package dev.sluice.security;

import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestPostgres;

/**
 * The same races on PostgreSQL, the cluster's database: there the second insert waits for the first transaction and
 * then fails on the unique constraint, which also aborts its own transaction.
 */
@SluiceServerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool closes before the database goes
class ConcurrentDuplicateWritesOnPostgresTest extends ConcurrentDuplicateWritesTest {

    static TestPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = TestPostgres.freshDatabase(Path.of("target/pg-races"));
        registry.add("spring.datasource.url", postgres::jdbcUrl);
        // Dropped at exit, once the context (closed after this class) no longer uses it.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception e) {
                // a leftover test database on a CI server is harmless
            }
        }));
    }
}
