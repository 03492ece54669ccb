package dev.sluice.governance.cluster;

import java.time.Clock;
import java.time.ZoneId;
import java.util.function.Supplier;

import dev.sluice.governance.AdmissionCounters;
import dev.sluice.governance.NonceRegistry;
import dev.sluice.metering.UsageCounts;

/**
 * The cluster's counters and nonce registry on one Redis connection. The governance configuration asks this for its
 * two beans when cluster mode is on, handing over the embedded implementations for the {@code redis-down=local}
 * fallback, so the embedded ones stay package-private.
 */
public final class RedisGovernance implements AutoCloseable {

    private final RedisLink link;
    private final RedisScripts scripts;
    private final AdmissionBatches batches;
    private final ClusterKeys keys;
    private final ClusterSettings settings;
    private final UsageCounts usage;
    private final ZoneId zone;
    private final Clock clock;

    RedisGovernance(String url, ClusterSettings settings, UsageCounts usage, ZoneId zone, Clock clock) {
        this.link = new RedisLink(url, settings.redisTimeout());
        this.scripts = new RedisScripts(link);
        this.batches = new AdmissionBatches(scripts, settings.admissionBatch());
        this.keys = new ClusterKeys(settings.keyPrefix());
        this.settings = settings;
        this.usage = usage;
        this.zone = zone;
        this.clock = clock;
    }

    public AdmissionCounters counters(Supplier<AdmissionCounters> localCounters) {
        LedgerRebuild rebuild = new LedgerRebuild(scripts, keys, usage, settings.settle());
        RedisCounters redis = new RedisCounters(scripts, batches, keys, rebuild, zone, false);
        Thread.ofVirtual().name("sluice-redis-settle").start(() -> {
            try {
                rebuild.startSettling();
            } catch (RuntimeException redisDown) {
                // nothing to start yet: the first counted call will, once Redis answers
            }
        });
        return new RedisOutage(redis, settings.redisDown(), localCounters, rebuild, keys, settings.settle(), zone, clock);
    }

    public NonceRegistry nonces(NonceRegistry localNonces) {
        return new RedisNonceRegistry(link, keys, settings.redisDown() == RedisOutage.Mode.LOCAL ? localNonces : null);
    }

    /** Admission script calls sent so far. */
    public long admissionScripts() {
        return batches.scriptCalls();
    }

    /** Calls decided by those script calls. */
    public long admissionCalls() {
        return batches.callsDecided();
    }

    /** Round trips to Redis so far, for the {@code sluice.redis.commands} metric. */
    public long commandsSent() {
        return link.commandsSent();
    }

    @Override
    public void close() {
        link.close();
    }
}
