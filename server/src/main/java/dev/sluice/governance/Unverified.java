package dev.sluice.governance;

import dev.sluice.account.Accounts;
import dev.sluice.protocol.PopErrors;
import dev.sluice.protocol.Wire;
import dev.sluice.protocol.signature.Acs3Authorization;

/**
 * Governance switched off ({@code sluice.governance.enabled=false}): the caller is taken from the AccessKey id the
 * request names, without checking anything. Exists only as the baseline of {@code ./sluice bench admission}; the
 * server logs a warning when started this way.
 */
final class Unverified implements AdmissionStep {

    private final Accounts accounts;

    Unverified(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Verdict check(Call call) {
        String header = call.request().header(Wire.HEADER_AUTHORIZATION);
        String keyId = header != null ? Acs3Authorization.parse(header).accessKeyId() : call.request().parameters().get(Wire.ACCESS_KEY_ID);
        if (keyId == null) return Verdict.deny(PopErrors.missingSignatureField(Wire.ACCESS_KEY_ID));
        return accounts.credential(keyId).map(credential -> {
            call.authenticated(credential, false);
            return Verdict.pass();
        }).orElseGet(() -> Verdict.deny(PopErrors.accessKeyNotFound(keyId)));
    }
}
