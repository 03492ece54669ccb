package dev.sluice.console.signin;

import java.time.Duration;

import org.springframework.security.authentication.LockedException;

/**
 * Sign-in refused without looking at the password because the name or the address failed too often. A
 * {@link LockedException}, so Spring Security's provider manager ends the attempt here and asks no other provider.
 */
final class SignInLocked extends LockedException {

    private final Duration retryAfter;

    SignInLocked(Duration retryAfter) {
        super("too many failed sign-ins; retry in " + retryAfter.toSeconds() + " s");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
