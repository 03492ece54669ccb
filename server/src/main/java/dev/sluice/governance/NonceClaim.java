package dev.sluice.governance;

import java.time.Duration;

/**
 * A signature nonce whose first use is still to be recorded. In cluster mode {@link Authenticate} leaves it to the
 * counters' one Redis round trip; whatever refuses the call before that records it through the {@link NonceRegistry}
 * instead, so every authenticated request spends its nonce exactly once.
 */
public record NonceClaim(String accessKeyId, String nonce, Duration remember) {
}
