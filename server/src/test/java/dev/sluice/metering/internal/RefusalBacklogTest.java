package dev.sluice.metering.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.sluice.catalog.OperationType;
import dev.sluice.metering.CallRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class RefusalBacklogTest {

    private final Counter dropped = new SimpleMeterRegistry().counter("sluice.ledger.refusals.dropped");
    private final RefusalBacklog backlog = new RefusalBacklog(3, 5, dropped);

    private static CallRecord refusal(String accessKeyId) {
        return new CallRecord("r", 1L, 1L, accessKeyId, "ListProjects", 1, OperationType.READ, Instant.now(), false, false,
                "Throttling.User", 429, 0, "CountedAdmission");
    }

    @Test
    void oneKeyFillsOnlyItsOwnShareAndEveryKeyTogetherOnlyTheirs() {
        for (int i = 0; i < 3; i++) assertThat(backlog.admit(refusal("LTAIflood"))).isTrue();
        for (int i = 0; i < 100; i++) assertThat(backlog.admit(refusal("LTAIflood"))).isFalse();
        assertThat(backlog.admit(refusal("LTAIother"))).as("another key still has room").isTrue();
        assertThat(backlog.admit(refusal("LTAIthird"))).isTrue();
        assertThat(backlog.admit(refusal("LTAIfourth"))).as("five wait in all").isFalse();
        assertThat(dropped.count()).isEqualTo(101);
        assertThat(backlog.size()).isEqualTo(5);
    }

    @Test
    void aWrittenRefusalMakesRoomForTheNextOfItsKey() {
        for (int i = 0; i < 3; i++) backlog.admit(refusal("LTAIflood"));
        assertThat(backlog.admit(refusal("LTAIflood"))).isFalse();
        backlog.release(refusal("LTAIflood"));
        assertThat(backlog.admit(refusal("LTAIflood"))).isTrue();
        for (int i = 0; i < 3; i++) backlog.release(refusal("LTAIflood"));
        assertThat(backlog.size()).isZero();
    }
}
