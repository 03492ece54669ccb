package dev.sluice.governance;

import java.util.function.Predicate;

import dev.sluice.protocol.PopErrors;

/** An operation this server has not built yet is answered NotImplemented before anything is counted or billed. */
final class Implemented implements AdmissionStep {

    private final Predicate<String> hasHandler;

    Implemented(Predicate<String> hasHandler) {
        this.hasHandler = hasHandler;
    }

    @Override
    public Verdict check(Call call) {
        String action = call.operation().action();
        return hasHandler.test(action) ? Verdict.pass() : Verdict.deny(PopErrors.notImplemented(action));
    }
}
