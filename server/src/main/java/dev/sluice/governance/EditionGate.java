package dev.sluice.governance;

import dev.sluice.catalog.Edition;
import dev.sluice.plan.Plans;

/** The account's plan must open the operation's minimum edition (Agile < Basic < Intelligent; Personal counts as Agile). */
final class EditionGate implements AdmissionStep {

    private final Plans plans;

    EditionGate(Plans plans) {
        this.plans = plans;
    }

    @Override
    public Verdict check(Call call) {
        Edition needed = call.operation().minEdition();
        Edition has = plans.of(call.credential().account().plan()).edition();
        return has.covers(needed) ? Verdict.pass()
                : Verdict.deny(AdmissionErrors.editionTooLow(call.operation().action(), title(needed), title(has)));
    }

    private static String title(Edition edition) {
        String name = edition.name().toLowerCase();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
