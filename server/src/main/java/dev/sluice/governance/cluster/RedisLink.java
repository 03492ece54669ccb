package dev.sluice.governance.cluster;

import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * One Lettuce connection shared by every request thread (Lettuce pipelines concurrent commands over it). Opened on
 * first use rather than at start-up, so a node starts, and answers 503, while Redis is still down. Once open, Lettuce
 * reconnects by itself; while it is disconnected commands are rejected at once instead of queued, so a call waits at
 * most the command timeout, never for Redis to come back.
 */
final class RedisLink implements AutoCloseable {

    private static final long RETRY_CONNECT_MILLIS = 500;

    private final RedisClient client;
    private volatile RedisCommands<String, String> commands;
    private StatefulRedisConnection<String, String> connection;
    private long lastFailedConnect;
    private final LongAdder sent = new LongAdder();

    RedisLink(String url, Duration commandTimeout) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(commandTimeout);
        this.client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .socketOptions(SocketOptions.builder().connectTimeout(commandTimeout).build())
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(commandTimeout))
                .build());
    }

    /** The connection's commands. Callers send exactly one command per call of this method: it counts round trips. */
    RedisCommands<String, String> commands() {
        sent.increment();
        RedisCommands<String, String> open = commands;
        return open != null ? open : connect();
    }

    private synchronized RedisCommands<String, String> connect() {
        if (commands != null) return commands;
        // Not every caller retries the TCP connect while Redis is away: one attempt per half second is enough.
        if (System.currentTimeMillis() - lastFailedConnect < RETRY_CONNECT_MILLIS) {
            throw new RedisConnectionException("Redis unreachable (retrying shortly)");
        }
        try {
            connection = client.connect();
            commands = connection.sync();
            return commands;
        } catch (RuntimeException failed) {
            lastFailedConnect = System.currentTimeMillis();
            throw failed;
        }
    }

    /** Commands sent to Redis so far (each one round trip; what a script runs inside Redis is not counted). */
    long commandsSent() {
        return sent.sum();
    }

    @Override
    public synchronized void close() {
        if (connection != null) connection.close();
        client.shutdown();
    }
}
