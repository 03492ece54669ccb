package dev.sluice.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import dev.sluice.testsupport.OwnRedis;
import dev.sluice.testsupport.TestPostgres;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * For {@code ./sluice bench admission --cluster}: the governed server in cluster mode (ledger and accounts on
 * PostgreSQL, counters and nonces on a Redis of the bench's own, so its command statistics count only this server's
 * calls), the raw one on PostgreSQL too, so that both pay for the same database.
 */
final class ClusterBackends implements AutoCloseable {

    private final TestPostgres governedDb;
    private final TestPostgres rawDb;
    private final OwnRedis redis;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    ClusterBackends(Path dir) throws Exception {
        governedDb = TestPostgres.freshDatabase(dir.resolve("pg-governed"));
        rawDb = TestPostgres.freshDatabase(dir.resolve("pg-raw"));
        redis = OwnRedis.start();
        client = RedisClient.create(redis.url());
        connection = client.connect();
    }

    String[] governedArgs() {
        return new String[] {"--spring.datasource.url=" + governedDb.jdbcUrl(), "--sluice.redis.url=" + redis.url(),
                "--sluice.cluster.settle=3s", "--sluice.ledger.commit-deadline=1s", "--sluice.ledger.statement-timeout=1s",
                "--sluice.sources.check-timeout=1s"};
    }

    String[] rawArgs() {
        return new String[] {"--spring.datasource.url=" + rawDb.jdbcUrl()};
    }

    /** Calls per command since the server started ({@code INFO commandstats}). */
    Map<String, Long> commandCalls() {
        Map<String, Long> calls = new HashMap<>();
        for (String line : connection.sync().info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) continue;
            calls.put(line.substring(8, line.indexOf(':')), Long.parseLong(line.replaceAll("^[^:]*:calls=(\\d+),.*", "$1")));
        }
        return calls;
    }

    @Override
    public void close() throws Exception {
        connection.close();
        client.shutdown();
        redis.close();
        governedDb.close();
        rawDb.close();
    }
}
