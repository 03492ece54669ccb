package dev.sluice.governance;


/** An account with an overdue payment may not call at all until the flag is cleared. */
final class AccountStanding implements AdmissionStep {

    @Override
    public Verdict check(Call call) {
        return call.credential().account().overdue() ? Verdict.deny(AdmissionErrors.accountOverdue()) : Verdict.pass();
    }
}
