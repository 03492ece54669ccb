package dev.sluice.governance;

import java.time.Duration;

/** Remembers signature nonces long enough that a captured request cannot be replayed inside the clock window. */
public interface NonceRegistry {

    /** True the first time this nonce is presented for this AccessKey within {@code remember}; false on a replay. */
    boolean firstUse(String accessKeyId, String nonce, Duration remember);
}
