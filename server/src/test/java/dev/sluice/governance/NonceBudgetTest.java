package dev.sluice.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.sluice.testsupport.MutableClock;

/**
 * The nonce budget with small caps, together with the nonce table the way {@link Authenticate} uses them: a nonce is
 * checked against the budget, recorded, and counted only when it was new.
 */
class NonceBudgetTest {

    private static final Duration SKEW = Duration.ofMinutes(15);
    private static final Duration LIFETIME = SKEW.multipliedBy(2);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-02T08:00:00Z"));
    private final LocalNonceRegistry nonces = new LocalNonceRegistry(clock);
    private final NonceBudget budget = new NonceBudget(100, 250, LIFETIME, clock);

    /** What Authenticate answers for a signed request of this key and nonce, timestamped now. */
    private String present(String accessKeyId, String nonce) {
        NonceBudget.Refusal refusal = budget.check(accessKeyId, clock.instant().plus(SKEW));
        if (refusal != null) return refusal.allKeys() ? "ServiceUnavailable" : "Throttling.User";
        if (!nonces.firstUse(new NonceClaim(1, "cn-hangzhou", accessKeyId, nonce, LIFETIME))) return "SignatureNonceUsed";
        budget.count(accessKeyId);
        return "OK";
    }

    @Test
    void aKeyFloodingBeyondItsCapIsRefusedAndAnotherKeysEarlierNonceStaysUnreplayable() {
        assertThat(present("LTAIvictim", "captured")).isEqualTo("OK");
        for (int i = 0; i < 100; i++) assertThat(present("LTAIflood", "n-" + i)).isEqualTo("OK");
        for (int i = 100; i < 1_000; i++) assertThat(present("LTAIflood", "n-" + i)).isEqualTo("Throttling.User");

        assertThat(present("LTAIvictim", "captured")).as("the victim's request cannot be replayed").isEqualTo("SignatureNonceUsed");
        assertThat(present("LTAIvictim", "fresh")).as("the victim is not throttled by the flood").isEqualTo("OK");
        assertThat(budget.counted()).isEqualTo(102);
    }

    @Test
    void replayingOneCapturedRequestDoesNotSpendItsKeysBudget() {
        assertThat(present("LTAIvictim", "captured")).isEqualTo("OK");
        for (int i = 0; i < 1_000; i++) assertThat(present("LTAIvictim", "captured")).isEqualTo("SignatureNonceUsed");
        assertThat(present("LTAIvictim", "fresh")).isEqualTo("OK");
    }

    @Test
    void aRefusedKeyStaysRefusedUntilItsRefusedRequestsHaveLeftTheClockWindow() {
        for (int i = 0; i < 100; i++) present("LTAIflood", "n-" + i);
        clock.advance(Duration.ofMinutes(20));
        // Refused unrecorded: were the key let in again before this request's timestamp is out of the window, the
        // request could be replayed and executed.
        NonceBudget.Refusal refusal = budget.check("LTAIflood", clock.instant().plus(SKEW));
        assertThat(refusal.allKeys()).isFalse();
        assertThat(refusal.retryAt()).isEqualTo(clock.instant().plus(SKEW));

        clock.advance(Duration.ofMinutes(11)); // the first 100 have expired; the refused request is still replayable
        assertThat(present("LTAIflood", "refused-then-replayed")).isEqualTo("Throttling.User");
        clock.advance(SKEW);
        assertThat(present("LTAIflood", "refused-then-replayed")).as("out of the window now").isEqualTo("OK");
    }

    @Test
    void aKeyAtItsCapIsToldWhenItsOldestNoncesExpire() {
        for (int i = 0; i < 100; i++) present("LTAIflood", "n-" + i);
        NonceBudget.Refusal refusal = budget.check("LTAIflood", clock.instant());
        assertThat(refusal.retryAt()).isBetween(clock.instant().plus(LIFETIME), clock.instant().plus(LIFETIME).plusSeconds(31));
    }

    @Test
    void allKeysTogetherAreCappedTooAndKeysThatExpiredAreForgotten() {
        for (int i = 0; i < 100; i++) present("LTAIa", "n-" + i);
        for (int i = 0; i < 100; i++) present("LTAIb", "n-" + i);
        for (int i = 0; i < 50; i++) assertThat(present("LTAIc", "n-" + i)).isEqualTo("OK");
        assertThat(present("LTAId", "n-0")).isEqualTo("ServiceUnavailable");
        assertThat(present("LTAIa", "captured-before")).isEqualTo("ServiceUnavailable");

        clock.advance(LIFETIME.plusMinutes(1));
        assertThat(budget.counted()).isEqualTo(250);
        assertThat(present("LTAIe", "n-0")).as("the others' nonces expired, so there is room again").isEqualTo("OK");
        assertThat(budget.counted()).isEqualTo(1);
    }
}
