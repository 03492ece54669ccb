package dev.sluice.governance;

import dev.sluice.protocol.PopErrors;
import tools.jackson.databind.JsonNode;

/** {@code OpTenantId} must name the caller's own tenant; a call can never reach into another account's tenant. */
final class TenantScope implements AdmissionStep {

    static final String OP_TENANT_ID = "OpTenantId";

    @Override
    public Verdict check(Call call) {
        JsonNode named = call.parameters().get(OP_TENANT_ID);
        if (named == null || named.isNull()) return Verdict.pass(); // the catalog does not require it for this operation
        long own = call.credential().tenant().id();
        return named.asLong() == own ? Verdict.pass() : Verdict.deny(PopErrors.tenantMismatch(named.asString()));
    }
}
