package dev.sluice.governance.cluster;

import dev.sluice.governance.NonceClaim;
import dev.sluice.governance.NonceRegistry;
import dev.sluice.protocol.PopErrors;
import io.lettuce.core.RedisException;
import io.lettuce.core.SetArgs;

/**
 * Nonces shared by every node: a request replayed to another node is refused too. A {@code SET NX PX} that expires by
 * itself once the request's timestamp has left the clock window. For calls that reach the counters, admit.lua does
 * the same {@code SET} in its one round trip ({@link #recordedByCounters()}); this class records the nonces of calls
 * refused before that, and of calls counted locally while Redis is away.
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
    public boolean firstUse(NonceClaim claim) {
        try {
            return "OK".equals(redis.commands().set(keys.nonce(claim), "1", SetArgs.Builder.nx().px(claim.remember().toMillis())));
        } catch (RedisException down) {
            if (fallback != null) return fallback.firstUse(claim);
            throw PopErrors.serviceUnavailable("the nonce store (Redis) cannot be reached, so replays cannot be ruled out.")
                    .exception();
        }
    }

    @Override
    public boolean recordedByCounters() {
        return true;
    }
}
