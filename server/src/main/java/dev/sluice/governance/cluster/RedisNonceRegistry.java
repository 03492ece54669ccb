package dev.sluice.governance.cluster;

import java.time.Duration;

import dev.sluice.governance.NonceRegistry;
import dev.sluice.protocol.PopErrors;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;

/**
 * Nonces shared by every node: a request replayed to another node is refused too. One {@code SET NX PX} per call,
 * which expires by itself once the request's timestamp has left the clock window.
 *
 * <p>If Redis cannot be reached, a nonce cannot be checked cluster-wide: the call is refused with 503 (fail closed,
 * like the counters), or, with {@code sluice.cluster.redis-down=local}, checked against this node's memory only.
 */
final class RedisNonceRegistry implements NonceRegistry {

    private final RedisLink redis;
    private final ClusterKeys keys;
    private final NonceRegistry fallback; // null: fail closed

    RedisNonceRegistry(RedisLink redis, ClusterKeys keys, NonceRegistry fallback) {
        this.redis = redis;
        this.keys = keys;
        this.fallback = fallback;
    }

    @Override
    public boolean firstUse(String accessKeyId, String nonce, Duration remember) {
        try {
            return "OK".equals(redis.commands().set(keys.nonce(accessKeyId, nonce), "1", SetArgs.Builder.nx().px(remember.toMillis())));
        } catch (RedisException down) {
            if (fallback != null) return fallback.firstUse(accessKeyId, nonce, remember);
            throw PopErrors.serviceUnavailable("the nonce store (Redis) cannot be reached, so replays cannot be ruled out.")
                    .exception();
        }
    }
}
