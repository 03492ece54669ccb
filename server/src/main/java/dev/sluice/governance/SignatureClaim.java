package dev.sluice.governance;

import java.time.Instant;

/** What a request claims about its signer, in either signature scheme, before anything is verified. */
sealed interface SignatureClaim permits ClassicClaim, Acs3Claim {

    String accessKeyId();

    String nonce();

    String rawTimestamp();

    Instant timestamp();

    boolean securityToken();

    /** Passes when the request's signature is the one this secret produces; otherwise throws the POP refusal. */
    void verify(String secret);
}
