package dev.sluice.governance.cluster;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.sluice.governance.Admission;
import dev.sluice.governance.AdmissionCounters;
import dev.sluice.governance.Demand;
import io.lettuce.core.RedisException;

/**
 * What a node does while it cannot reach Redis.
 *
 * <p><b>By default it fails closed</b>: counted calls are refused with 503. This is the opposite of Spring Cloud
 * Gateway's limiter, which lets traffic through when Redis fails because a gateway should not depend hard on it. For
 * Sluice the counters are the bill: the free quota is money, daily caps are contractual, and a node that admitted
 * calls it could not count would give away exactly what it is there to meter. A short, visible outage is cheaper than
 * silently over-admitting on every node at once.
 *
 * <p>With {@code sluice.cluster.redis-down=local} a node instead counts on its own, with the embedded counters seeded
 * from the ledger: each node then enforces the whole limit by itself, so a cluster of N nodes may admit up to N times
 * a limit while Redis is away. When Redis answers again, the node raises the Redis counts of the accounts it served
 * locally to the ledger's (after a settle period, so its own calls have committed), so the excess is not forgotten.
 */
final class RedisOutage implements AdmissionCounters {

    enum Mode { CLOSED, LOCAL }

    private static final Logger log = LoggerFactory.getLogger(RedisOutage.class);
    private static final String LOCAL_RECEIPT = "local";

    private final RedisCounters redis;
    private final Mode mode;
    private final Supplier<AdmissionCounters> localCounters;
    private final LedgerRebuild rebuild;
    private final ClusterKeys keys;
    private final Duration settle;
    private final ZoneId zone;
    private final Clock clock;
    private volatile AdmissionCounters local; // non-null while counting locally
    private final Map<Long, String> servedLocally = new ConcurrentHashMap<>(); // account id -> region
    private volatile long lastWarning;

    RedisOutage(RedisCounters redis, Mode mode, Supplier<AdmissionCounters> localCounters, LedgerRebuild rebuild,
                ClusterKeys keys, Duration settle, ZoneId zone, Clock clock) {
        this.redis = redis;
        this.mode = mode;
        this.localCounters = localCounters;
        this.rebuild = rebuild;
        this.keys = keys;
        this.settle = settle;
        this.zone = zone;
        this.clock = clock;
    }

    @Override
    public Admission admit(Demand demand) {
        try {
            Admission admission = redis.admit(demand);
            if (local != null) backOnRedis();
            return admission;
        } catch (RedisException down) {
            warn(down);
            if (mode == Mode.CLOSED) {
                return Admission.unavailable("the counter store (Redis) cannot be reached, and calls are not admitted "
                        + "uncounted.", 1000);
            }
            return locally(demand);
        }
    }

    @Override
    public void giveBack(Demand demand, Admission admission) {
        if (LOCAL_RECEIPT.equals(admission.receipt())) {
            AdmissionCounters counting = local;
            if (counting != null) counting.giveBack(demand, admission);
            return;
        }
        try {
            redis.giveBack(demand, admission);
        } catch (RedisException down) {
            // The call stays counted in Redis: refusing a little early is the safe side of a lost give-back.
            warn(down);
        }
    }

    private Admission locally(Demand demand) {
        AdmissionCounters counting = local;
        if (counting == null) counting = startCountingLocally();
        servedLocally.put(demand.accountId(), demand.region());
        Admission admission = counting.admit(demand);
        return new Admission(admission.admitted(), admission.billable(), admission.refusedBy(), admission.retryAfterMillis(),
                admission.nearest(), admission.unavailable(), LOCAL_RECEIPT, admission.nonce());
    }

    private synchronized AdmissionCounters startCountingLocally() {
        if (local == null) {
            log.warn("Redis unreachable: counting locally (sluice.cluster.redis-down=local); limits are per node until it returns");
            local = localCounters.get(); // fresh, so it is seeded from the ledger as it stands now
        }
        return local;
    }

    private synchronized void backOnRedis() {
        if (local == null) return;
        local = null;
        Map<Long, String> accounts = Map.copyOf(servedLocally);
        servedLocally.clear();
        log.info("Redis reachable again: raising the counts of {} accounts to the ledger after {}", accounts.size(), settle);
        Thread.ofVirtual().name("sluice-redis-raise").start(() -> {
            try {
                Thread.sleep(settle);
                LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
                long month = today.getYear() * 12L + today.getMonthValue() - 1;
                accounts.forEach((account, region) ->
                        rebuild.raise(account, keys.usage(account, region), today.toEpochDay(), month));
            } catch (InterruptedException stop) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failed) {
                log.warn("raising counts after a Redis outage failed: {}", failed.getMessage());
            }
        });
    }

    private void warn(RedisException down) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > 10_000) { // one line per ten seconds, not one per refused call
            lastWarning = now;
            log.warn("Redis unreachable ({}); counted calls are {}", down.getMessage(),
                    mode == Mode.CLOSED ? "refused with 503" : "counted locally");
        }
    }
}
