package dev.sluice.governance;

import java.time.Instant;

/** What a request claims about its signer, in either signature scheme, before anything is verified. */
sealed interface SignatureClaim permits ClassicClaim, Acs3Claim {

    String accessKeyId();

    String nonce();

    String rawTimestamp();

    Instant timestamp();

    boolean securityToken();

    /** True when the request's signature is the one this secret produces. */
    boolean verify(String secret);
}
