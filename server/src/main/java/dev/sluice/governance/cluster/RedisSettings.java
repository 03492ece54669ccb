package dev.sluice.governance.cluster;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sluice.redis.url} (environment: {@code SLUICE_REDIS_URL}): the Redis of cluster mode, e.g.
 * {@code redis://:password@host:6379}; unset, counters and nonces stay in the node ({@link RedisConfiguration} is off).
 * Its {@code toString} leaves the password out: the URL may carry it.
 */
@ConfigurationProperties("sluice.redis")
record RedisSettings(String url) {

    @Override
    public String toString() {
        return "RedisSettings[url=" + (url == null ? null : url.replaceAll("//[^@/]*@", "//***@")) + "]";
    }
}
