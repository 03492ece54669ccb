package dev.sluice.governance.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.sluice.catalog.Edition;
import dev.sluice.catalog.OperationType;
import dev.sluice.governance.Admission;
import dev.sluice.governance.AdmissionCounters;
import dev.sluice.governance.Demand;
import dev.sluice.governance.NonceClaim;
import dev.sluice.governance.NonceRegistry;
import dev.sluice.metering.AdmittedCounts;
import dev.sluice.plan.Plan;
import dev.sluice.protocol.PopException;
import dev.sluice.testsupport.OwnRedis;

/** With no Redis listening: counted calls and nonces are refused (503) by default, or handled per node if configured. */
class ClusterRedisDownTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final Plan PLAN = new Plan("test", Edition.INTELLIGENT, new Plan.Qps(null, 50, 20, 5, null, null),
            new Plan.Daily(null, 2L, 2L, null, null), 1_000_000, false, new BigDecimal("0.05"));

    final RedisLink nowhere = new RedisLink("redis://127.0.0.1:" + freePort(), Duration.ofMillis(300));
    final ClusterKeys keys = new ClusterKeys("sluice:");
    final RedisScripts scripts = new RedisScripts(nowhere);
    final LedgerRebuild rebuild = new LedgerRebuild(scripts, keys, (account, day) -> AdmittedCounts.NONE, Duration.ZERO);
    final RedisCounters redis = new RedisCounters(scripts, keys, rebuild, SHANGHAI, false);

    @AfterEach
    void close() {
        nowhere.close();
    }

    RedisOutage outage(RedisOutage.Mode mode, AdmissionCounters local) {
        return new RedisOutage(redis, mode, () -> local, rebuild, keys, Duration.ofSeconds(1), SHANGHAI, Clock.systemUTC());
    }

    static Demand demand() {
        return new Demand(1, "cn-hangzhou", PLAN, false, 1, OperationType.READ, Instant.now());
    }

    @Test
    void byDefaultCountedCallsAreRefusedNotAdmittedUncounted() {
        Admission refused = outage(RedisOutage.Mode.CLOSED, null).admit(demand());
        assertThat(refused.admitted()).isFalse();
        assertThat(refused.unavailable()).contains("Redis");
        assertThat(refused.retryAfterMillis()).isPositive();
    }

    @Test
    void withRedisDownLocalTheNodeCountsOnItsOwn() {
        AdmissionCounters local = new AdmissionCounters() {
            int taken;

            @Override
            public Admission admit(Demand demand) {
                if (taken == 2) return Admission.refused(null, 1, null);
                taken++;
                return Admission.admitted(false, null);
            }

            @Override
            public void giveBack(Demand demand, Admission admission) {
                taken--;
            }
        };
        RedisOutage degraded = outage(RedisOutage.Mode.LOCAL, local);
        Admission first = degraded.admit(demand());
        assertThat(first.admitted()).isTrue();
        assertThat(degraded.admit(demand()).admitted()).isTrue();
        assertThat(degraded.admit(demand()).admitted()).isFalse();
        degraded.giveBack(demand(), first);
        assertThat(degraded.admit(demand()).admitted()).as("the give-back went to the local counters").isTrue();
    }

    @Test
    void noncesAreRefusedWith503OrCheckedLocally() {
        NonceClaim nonce = new NonceClaim(1, "cn-hangzhou", "LTAI1", "n", Duration.ofMinutes(30));
        assertThatThrownBy(() -> new RedisNonceRegistry(nowhere, keys, null).firstUse(nonce))
                .isInstanceOfSatisfying(PopException.class, e -> assertThat(e.error().httpStatus()).isEqualTo(503));
        NonceRegistry local = claim -> true;
        assertThat(new RedisNonceRegistry(nowhere, keys, local).firstUse(nonce)).isTrue();
    }

    private static int freePort() {
        try {
            return OwnRedis.freePort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
