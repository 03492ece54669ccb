package dev.sluice.governance;

import dev.sluice.catalog.RequestBinder;
import dev.sluice.protocol.PopException;

/**
 * Validates the parameters against the catalog (required, types, nested JSON) for every operation alike, before any
 * handler sees them.
 */
final class RequestShape implements AdmissionStep {

    private final RequestBinder binder;

    RequestShape(RequestBinder binder) {
        this.binder = binder;
    }

    @Override
    public Verdict check(Call call) {
        try {
            call.bound(binder.bind(call.operation(), call.request().parameters()));
            return Verdict.pass();
        } catch (PopException invalid) {
            return Verdict.deny(invalid.error());
        }
    }
}
