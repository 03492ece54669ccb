package dev.sluice.governance;

import dev.sluice.protocol.PopErrors;

/** Only an account and its users, signing with their own AccessKeys, may call: never a role's temporary credentials. */
final class Identity implements AdmissionStep {

    @Override
    public Verdict check(Call call) {
        if (call.carriesSecurityToken()) return Verdict.deny(PopErrors.securityTokenRefused());
        if (!call.credential().user().enabled()) return Verdict.deny(PopErrors.userDisabled(call.credential().user().name()));
        return Verdict.pass();
    }
}
