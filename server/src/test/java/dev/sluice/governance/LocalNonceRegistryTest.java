package dev.sluice.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.sluice.testsupport.MutableClock;

class LocalNonceRegistryTest {

    private static final Duration WINDOW = Duration.ofMinutes(30);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final LocalNonceRegistry registry = new LocalNonceRegistry(clock);

    private static NonceClaim claim(String accessKeyId, String nonce) {
        return new NonceClaim(1, "cn-hangzhou", accessKeyId, nonce, WINDOW);
    }

    @Test
    void aReplayedNonceIsRefusedAndAnotherKeysSameNonceIsNot() {
        assertThat(registry.firstUse(claim("LTAIkey1", "n-1"))).isTrue();
        assertThat(registry.firstUse(claim("LTAIkey1", "n-1"))).isFalse();
        assertThat(registry.firstUse(claim("LTAIkey2", "n-1"))).isTrue();
        assertThat(registry.firstUse(claim("LTAIkey1", "n-2"))).isTrue();
        // The separator keeps "key" + "1n" apart from "key1" + "n".
        assertThat(registry.firstUse(claim("LTAIkey", "1\nn-1"))).isTrue();
    }

    @Test
    void aNonceIsRememberedForItsWholeWindowAndThenForgotten() {
        assertThat(registry.firstUse(claim("LTAIkey1", "n-1"))).isTrue();
        clock.advance(WINDOW.minusMillis(1));
        assertThat(registry.firstUse(claim("LTAIkey1", "n-1"))).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(registry.firstUse(claim("LTAIkey1", "n-1"))).as("expired: usable again").isTrue();
        assertThat(registry.firstUse(claim("LTAIkey1", "n-1"))).as("and remembered again").isFalse();
    }

    @Test
    void everyOneOfManyNoncesIsRememberedAcrossTableGrowthAndExpiredOnesMakeRoom() {
        for (int i = 0; i < 200_000; i++) assertThat(registry.firstUse(claim("LTAIkey1", "n-" + i))).isTrue();
        for (int i = 0; i < 200_000; i++) assertThat(registry.firstUse(claim("LTAIkey1", "n-" + i))).isFalse();
        assertThat(registry.size()).isEqualTo(200_000);

        clock.advance(WINDOW);
        for (int i = 0; i < 200_000; i++) assertThat(registry.firstUse(claim("LTAIkey1", "m-" + i))).isTrue();
        assertThat(registry.size()).as("the first 200,000 have expired").isEqualTo(200_000);
        assertThat(registry.firstUse(claim("LTAIkey1", "m-7"))).isFalse();
    }

    @Test
    void aLiveNonceIsNeverForgottenHoweverManyAnotherKeySends() {
        // The table once forgot the oldest nonces of a full stripe: a flood of one key made another key's replayable.
        // How many a key may send is NonceBudget's to bound, before a nonce gets here.
        assertThat(registry.firstUse(claim("LTAIvictim", "captured"))).isTrue();
        for (int i = 0; i < 300_000; i++) {
            assertThat(registry.firstUse(claim("LTAIflood", "n-" + i))).isTrue();
            if (i % 1_000 == 0) clock.advance(Duration.ofMillis(10));
        }
        assertThat(registry.size()).isEqualTo(300_001);
        assertThat(registry.firstUse(claim("LTAIvictim", "captured"))).as("still remembered: no replay").isFalse();
    }

    @Test
    void concurrentCallersPresentingTheSameNoncesGetEachThroughExactlyOnce() throws InterruptedException {
        AtomicInteger firstUses = new AtomicInteger();
        List<Thread> callers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            callers.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 20_000; i++) if (registry.firstUse(claim("LTAIkey1", "n-" + i))) firstUses.incrementAndGet();
            }));
        }
        for (Thread caller : callers) caller.join();
        assertThat(firstUses).hasValue(20_000);
    }
}
