package dev.sluice.governance;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Nonces of one process, kept for twice the clock skew: a request whose timestamp is still inside the window is
 * always remembered. The size bound is a memory guard far above what one node can receive in that time.
 */
final class LocalNonceRegistry implements NonceRegistry {

    private final Cache<String, Boolean> seen;

    LocalNonceRegistry(Duration clockSkew) {
        this.seen = Caffeine.newBuilder().expireAfterWrite(clockSkew.multipliedBy(2)).maximumSize(20_000_000).build();
    }

    @Override
    public boolean firstUse(NonceClaim claim) {
        return seen.asMap().putIfAbsent(claim.accessKeyId() + '\n' + claim.nonce(), Boolean.TRUE) == null;
    }
}
