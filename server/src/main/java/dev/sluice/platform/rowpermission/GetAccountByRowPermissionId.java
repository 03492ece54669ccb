package dev.sluice.platform.rowpermission;

import java.util.List;
import java.util.Set;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.rowpermission.RowPermissionReader.MappingView;
import dev.sluice.platform.rowpermission.RowPermissionStore.Header;
import dev.sluice.platform.rowpermission.RowPermissionStore.StoredRule;
import dev.sluice.protocol.PopErrors;

/** The accounts bound to each rule of a row-level permission (or to the rules named), with their names. */
@Action("GetAccountByRowPermissionId")
final class GetAccountByRowPermissionId
        implements OperationHandler<GetAccountByRowPermissionId.Request, GetAccountByRowPermissionId.Response> {

    record Request(Query getAccountByRowPermissionIdQuery) {
    }

    record Query(Long rowPermissionId, List<Long> ruleIds) {
    }

    record Response(List<RuleAccounts> data) {
    }

    record RuleAccounts(long id, List<MappingView> userMappingList) {
    }

    private final RowPermissionAccess access;
    private final RowPermissionStore store;
    private final RowPermissionReader reader;

    GetAccountByRowPermissionId(RowPermissionAccess access, RowPermissionStore store, RowPermissionReader reader) {
        this.access = access;
        this.store = store;
        this.reader = reader;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        access.requireManager(caller);
        Query query = request.getAccountByRowPermissionIdQuery();
        Header permission = access.load(caller, query.rowPermissionId());
        List<StoredRule> rules = store.rules(List.of(permission.id()));
        List<Long> wanted = query.ruleIds() == null || query.ruleIds().isEmpty()
                ? rules.stream().map(StoredRule::id).toList() : query.ruleIds();
        Set<Long> known = Set.copyOf(rules.stream().map(StoredRule::id).toList());
        for (int i = 0; i < wanted.size(); i++) {
            if (!known.contains(wanted.get(i))) {
                throw PopErrors.invalidParameter("GetAccountByRowPermissionIdQuery.RuleIds[" + i + "]",
                        wanted.get(i) + " is not a rule of row-level permission " + permission.id()).exception();
            }
        }
        var bindings = reader.bindings(caller, wanted);
        return new Response(wanted.stream().distinct().map(id -> new RuleAccounts(id, bindings.getOrDefault(id, List.of()))).toList());
    }
}
