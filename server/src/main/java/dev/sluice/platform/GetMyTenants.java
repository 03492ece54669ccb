package dev.sluice.platform;

import java.util.List;

import dev.sluice.account.Accounts;
import dev.sluice.account.Tenant;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** The tenants the calling user belongs to, optionally only those that own every listed feature code. */
@Action("GetMyTenants")
final class GetMyTenants implements OperationHandler<GetMyTenants.Request, GetMyTenants.Response> {

    record Request(List<String> featureCodeList) {
    }

    record Response(List<TenantView> tenantList) {
    }

    record TenantView(long id, String name, String description, String ownerId, boolean deleted, Long deleteTime,
                      boolean opsTenant, boolean resourceLimited, boolean visible, String titleType,
                      List<String> tenantTypeList) {
    }

    private final Accounts accounts;

    GetMyTenants(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        List<String> required = request.featureCodeList() == null ? List.of() : request.featureCodeList();
        return new Response(accounts.tenants(caller.account().id()).stream()
                .filter(tenant -> tenant.featureCodes().containsAll(required))
                .map(GetMyTenants::view)
                .toList());
    }

    private static TenantView view(Tenant tenant) {
        return new TenantView(tenant.id(), tenant.name(), tenant.description(),
                tenant.ownerUserId() == null ? null : String.valueOf(tenant.ownerUserId()),
                false, null, false, false, true, "text", List.of("NORMAL"));
    }
}
