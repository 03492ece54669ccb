package dev.sluice.runner;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.SourceDatabases;

/**
 * The fallback behind {@link Statement#cancel()}: the engine's own kill, sent from a second connection to the backend
 * id read when the run's connection opened, ends a statement the database would otherwise run for ten minutes.
 */
class EngineKillTest {

    @Test
    void pgCancelBackendEndsASleepingStatement() throws Exception {
        assertKilled(new Target(Engine.Dialect.POSTGRESQL, "POSTGRE_SQL", SourceDatabases.postgresUrl()), "select pg_sleep(600)");
    }

    @Test
    void killQueryEndsASleepingMariadbStatement() throws Exception {
        assertKilled(new Target(Engine.Dialect.MYSQL, "MARIADB", SourceDatabases.mariadbUrl()), "select sleep(600)");
    }

    private static void assertKilled(Target target, String longSql) throws Exception {
        RunnerTestEngines.Registry engines = new RunnerTestEngines.Registry();
        engines.compute(1, target);
        Engine engine = engines.projectCompute(1, 1, "DEV", "ProjectId");
        try (Connection connection = engines.open(engine); Statement statement = connection.createStatement()) {
            long backend = EngineKill.backendId(connection, engine.dialect());
            assertThat(backend).isPositive();
            CompletableFuture<String> ran = CompletableFuture.supplyAsync(() -> {
                try {
                    statement.execute(longSql);
                    return "returned";
                } catch (SQLException e) {
                    return "refused: " + e.getMessage();
                }
            }, command -> Thread.ofVirtual().start(command));
            Thread.sleep(500); // let the statement reach the server
            long t0 = System.nanoTime();
            new EngineKill(engines, engine).kill(backend, statement);
            String outcome = ran.get(Duration.ofSeconds(10).toMillis(), TimeUnit.MILLISECONDS);
            System.out.printf("%s: %s %d ms after the kill%n", engine.dialect(), outcome, (System.nanoTime() - t0) / 1_000_000);
            // PostgreSQL raises "canceling statement due to user request", MariaDB "Query execution was interrupted" (SLEEP may instead return 1).
            assertThat(outcome).matches("refused: .*(cancel|interrupt).*|returned");
        }
    }
}
