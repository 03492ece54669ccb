package dev.sluice.governance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.sluice.account.Accounts;
import dev.sluice.account.Credential;
import dev.sluice.protocol.PopError;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.PopException;
import dev.sluice.protocol.Wire;

/**
 * Who signed the call, and is the signature good: the AccessKey exists and is enabled, the signature matches (ACS3
 * header signature or classic RPC signature), the timestamp is inside the clock window and the nonce is new.
 * A call carrying a security token is let through unverified, flagged, for {@link Identity} to refuse in words that
 * say why: such credentials are never valid here, whoever issued them.
 */
final class Authenticate implements AdmissionStep {

    private final Accounts accounts;
    private final NonceRegistry nonces;
    private final NonceBudget budget;
    private final Duration clockSkew;
    /** How long a nonce is remembered: a replay outside it is refused by the clock window instead. */
    private final Duration nonceLifetime;
    private final Clock clock;

    Authenticate(Accounts accounts, NonceRegistry nonces, NonceBudget budget, Duration clockSkew, Clock clock) {
        this.accounts = accounts;
        this.nonces = nonces;
        this.budget = budget;
        this.clockSkew = clockSkew;
        this.nonceLifetime = clockSkew.multipliedBy(2);
        this.clock = clock;
    }

    @Override
    public Verdict check(Call call) {
        try {
            SignedRequest request = call.request();
            String authorization = request.header(Wire.HEADER_AUTHORIZATION);
            SignatureClaim claim = authorization != null ? Acs3Claim.of(request, authorization) : ClassicClaim.of(request);
            call.named(claim.accessKeyId());
            if (claim.securityToken()) {
                call.authenticated(null, true);
                return Verdict.pass();
            }
            Credential credential = accounts.credential(claim.accessKeyId())
                    .orElseThrow(() -> PopErrors.accessKeyNotFound(claim.accessKeyId()).exception());
            checkClock(claim);
            claim.verify(credential.secret());
            if (!credential.keyEnabled()) return Verdict.deny(PopErrors.accessKeyDisabled(claim.accessKeyId()));
            NonceBudget.Refusal overBudget = budget.check(claim.accessKeyId(), claim.timestamp().plus(clockSkew));
            if (overBudget != null) return overBudget(claim.accessKeyId(), overBudget);
            NonceClaim nonce = new NonceClaim(credential.account().id(), credential.account().region(),
                    claim.accessKeyId(), claim.nonce(), nonceLifetime);
            if (nonces.recordedByCounters()) {
                call.deferNonce(nonce, nonces::firstUse, this, () -> budget.count(claim.accessKeyId()));
            } else if (!nonces.firstUse(nonce)) {
                return Verdict.deny(PopErrors.nonceUsed(claim.nonce()));
            } else {
                budget.count(claim.accessKeyId());
            }
            call.authenticated(credential, false);
            return Verdict.pass();
        } catch (PopException refused) {
            return Verdict.deny(refused.error());
        }
    }

    /** The key, or all keys together, have as many nonces remembered as they may: refused, with when to try again. */
    private Verdict overBudget(String accessKeyId, NonceBudget.Refusal refusal) {
        long seconds = Math.max(1, (Duration.between(clock.instant(), refusal.retryAt()).toMillis() + 999) / 1000);
        PopError error = refusal.allKeys()
                ? PopErrors.serviceUnavailable("the server remembers as many signature nonces as it may; retry later.")
                : PopErrors.nonceBudgetExceeded(accessKeyId, budget.perKey(), nonceLifetime.toMinutes());
        return Verdict.deny(error, Map.of("Retry-After", String.valueOf(seconds)));
    }

    private void checkClock(SignatureClaim claim) {
        Instant signedAt = claim.timestamp();
        Duration off = Duration.between(signedAt, clock.instant()).abs();
        if (off.compareTo(clockSkew) > 0) throw PopErrors.timestampExpired(claim.rawTimestamp(), clockSkew.toMinutes()).exception();
    }
}
