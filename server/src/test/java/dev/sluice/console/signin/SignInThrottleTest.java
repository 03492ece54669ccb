package dev.sluice.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.sluice.testsupport.MutableClock;

/** The lock's growth in time, which the HTTP tests cannot wait for. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T00:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(
            new SignInLimits(5, 20, Duration.ofMinutes(1), Duration.ofMinutes(15)), clock);

    @Test
    void theLockDoublesWithEveryFailureAfterItAndStopsAtTheLongest() {
        for (int i = 0; i < 5; i++) throttle.failed(throttle.admit("alice@acme", "10.0.0.1"));
        assertThat(waitFor("alice@acme", "10.0.0.2")).isEqualTo(Duration.ofMinutes(1));

        long[] expected = {2, 4, 8, 15, 15};
        for (long minutes : expected) {
            clock.advance(waitFor("alice@acme", "10.0.0.2"));
            throttle.failed(throttle.admit("alice@acme", "10.0.0.3"));
            assertThat(waitFor("ALICE@acme ", "10.0.0.4")).isEqualTo(Duration.ofMinutes(minutes));
        }
    }

    @Test
    void successClearsTheNameButNotTheAddress() {
        for (int i = 0; i < 4; i++) throttle.failed(throttle.admit("bob@acme", "10.0.1.1"));
        throttle.succeeded(throttle.admit("bob@acme", "10.0.1.1"));
        for (int i = 0; i < 4; i++) throttle.failed(throttle.admit("bob@acme", "10.0.1.2"));
        throttle.admit("bob@acme", "10.0.1.3"); // the fifth is admitted, and locks the name

        for (int i = 0; i < 12; i++) throttle.failed(throttle.admit("n" + i, "10.0.1.1"));
        assertThat(waitFor("carol@acme", "10.0.1.1")).as("4 + 12 failures from the address, then 4 more")
                .isNull();
        for (int i = 0; i < 4; i++) throttle.failed(throttle.admit("m" + i, "10.0.1.1"));
        assertThat(waitFor("carol@acme", "10.0.1.1")).isEqualTo(Duration.ofMinutes(1));
    }

    @Test
    void ipv6CallersAreCountedByTheirSlash64() {
        assertThat(SignInThrottle.addressKey("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(SignInThrottle.addressKey("203.0.113.9")).isEqualTo("203.0.113.9");
    }

    /** How long an attempt by this name from this address would be refused, or null if it would be admitted (and is given back). */
    private Duration waitFor(String name, String address) {
        try {
            SignInThrottle.Attempt admitted = throttle.admit(name, address);
            throttle.succeeded(admitted);
            return null;
        } catch (SignInLocked locked) {
            return locked.retryAfter();
        }
    }
}
