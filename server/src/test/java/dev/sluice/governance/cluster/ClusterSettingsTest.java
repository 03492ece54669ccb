package dev.sluice.governance.cluster;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** Cluster mode refuses to start when lost counts would be rebuilt before a call in flight can reach the ledger. */
class ClusterSettingsTest {

    private static ClusterSettings settle(Duration settle) {
        return new ClusterSettings(RedisOutage.Mode.CLOSED, settle, "sluice:", Duration.ofSeconds(1), 64);
    }

    @Test
    void theDefaultSettleCoversTheDefaultsInFlight() {
        // 10 s check timeout, then 5 s commit deadline + 3 s statement timeout
        assertThatCode(() -> settle(Duration.ofSeconds(20)).requireSettleCovers(Duration.ofSeconds(10), Duration.ofSeconds(8)))
                .doesNotThrowAnyException();
    }

    @Test
    void aSettleShorterThanACallInFlightNamesTheKeys() {
        assertThatThrownBy(() -> settle(Duration.ofSeconds(4)).requireSettleCovers(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .hasMessageContaining("sluice.cluster.settle (PT4S)")
                .hasMessageContaining("sluice.sources.check-timeout + sluice.ledger.commit-deadline + sluice.ledger.statement-timeout (PT6S)");
    }
}
