package dev.sluice.develop.tree;

import java.nio.file.Path;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestPostgres;

/**
 * The same operations on PostgreSQL, the cluster's database: the migration, the tree locks (a new tree's row created
 * by racing calls, each inside a savepoint) and the unique constraint behave there as on H2.
 */
@SluiceServerTest
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS) // its pool closes before the database goes
class DirectoryTreeOnPostgresTest extends DirectoryTreeOperationsTest {

    static TestPostgres postgres;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) throws Exception {
        postgres = TestPostgres.freshDatabase(Path.of("target/pg-dev-files"));
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
