package dev.sluice.governance;

import java.time.Duration;

/**
 * A signature nonce to be recorded, with the account it belongs to: in cluster mode its Redis key lives in the
 * account's slot, so that the counters' one script per call can record it together with the counts. Whatever refuses
 * a call before the counters records it through the {@link NonceRegistry} instead, so every authenticated request
 * spends its nonce exactly once.
 */
public record NonceClaim(long accountId, String region, String accessKeyId, String nonce, Duration remember) {
}
