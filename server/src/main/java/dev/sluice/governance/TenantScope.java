package dev.sluice.governance;

import dev.sluice.protocol.PopErrors;
import tools.jackson.databind.JsonNode;

/**
 * {@code OpTenantId} must name the caller's own tenant, so a call can never reach into another account's tenant, and
 * the caller must be a member of it: a user removed from the tenant keeps its AccessKeys but acts there no more.
 */
final class TenantScope implements AdmissionStep {

    static final String OP_TENANT_ID = "OpTenantId";

    @Override
    public Verdict check(Call call) {
        JsonNode named = call.parameters().get(OP_TENANT_ID);
        if (named == null || named.isNull()) return Verdict.pass(); // the catalog does not require it for this operation
        long own = call.credential().tenant().id();
        if (named.asLong() != own) return Verdict.deny(PopErrors.tenantMismatch(named.asString()));
        if (!call.credential().tenantMember()) {
            return Verdict.deny(AdmissionErrors.notTenantMember(call.credential().user().name(), own));
        }
        return Verdict.pass();
    }
}
