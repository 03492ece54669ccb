package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.sluice.testsupport.MutableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

@ExtendWith(OutputCaptureExtension.class)
class UnauthenticatedRefusalsTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnauthenticatedRefusals refusals = new UnauthenticatedRefusals(clock, registry);

    @Test
    void countedPerAddressAndCodeAndLoggedAtMostOnceAMinutePerAddress(CapturedOutput output) {
        for (int i = 0; i < 500; i++) refusals.refused("203.0.113.7", "SignatureDoesNotMatch", "LTAIvictim");
        refusals.refused("198.51.100.1", "InvalidAccessKeyId.NotFound", "LTAI\nforged line");

        assertThat(refusals.refusedFrom("203.0.113.7")).isEqualTo(500);
        assertThat(refusals.refusedFrom("198.51.100.1")).isEqualTo(1);
        assertThat(registry.counter("sluice.refusals.unauthenticated", "code", "SignatureDoesNotMatch").count()).isEqualTo(500);
        assertThat(output.getAll().lines().filter(line -> line.contains("from 203.0.113.7"))).hasSize(1);
        assertThat(output.getAll()).contains("from 198.51.100.1: 1 since the last report, 1 in all (last: "
                + "InvalidAccessKeyId.NotFound naming AccessKey LTAI?forged?line)");

        clock.advance(Duration.ofMinutes(1));
        refusals.refused("203.0.113.7", "SignatureDoesNotMatch", "LTAIvictim");
        assertThat(output.getAll()).contains("from 203.0.113.7: 500 since the last report, 501 in all");
    }

    @Test
    void aSweepFromManyAddressesKeepsABoundedTable() {
        for (int i = 0; i < UnauthenticatedRefusals.MAX_ADDRESSES + 500; i++) {
            refusals.refused("10.0." + (i >> 8) + "." + (i & 255), "SignatureDoesNotMatch", "LTAIx");
        }
        assertThat(refusals.refusedFrom("10.0.0.0")).as("the oldest address was pushed out").isZero();
        assertThat(refusals.refusedFrom("10.0.40.255")).isEqualTo(1);
    }
}
