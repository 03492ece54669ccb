package dev.sluice.platform.permissionrecord;

import java.util.List;
import java.util.Map;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.platform.usergroup.UserGroups;
import dev.sluice.protocol.PopErrors;

/**
 * Turns a tab and a search text into what the caller may see. Administrators of the tenant (super, system and security
 * administrators) see every record; everyone else sees the records that name them or one of their user groups.
 */
final class RecordQuery {

    /** The documented tabs, and the resource types each one lists; PROJECT, USER_GROUP, ROW_PERMISSION and TENANT (global roles) are ours. */
    static final Map<String, List<String>> TABS = Map.of(
            "TABLE", List.of("TABLE", "PHYSICAL_TABLE", "PHYSICAL_FIELD", "PHYSICAL_VIEW", "LOGICAL_TABLE", "LOGICAL_VIEW",
                    "REALTIME_LOGICAL_TABLE", "REALTIME_MIRROR_TABLE"),
            "DATASOURCE", List.of("DATASOURCE", "DATA_SOURCE"),
            "PROJECT", List.of("PROJECT"),
            "USER_GROUP", List.of("USER_GROUP"),
            "ROW_PERMISSION", List.of("ROW_PERMISSION"),
            "TENANT", List.of("TENANT"));

    private RecordQuery() {
    }

    static PermissionRecordStore.Scope scope(Caller caller, String tabType, String searchText, Access access,
                                             UserGroups groups) {
        List<String> types = TABS.get(tabType);
        if (types == null) {
            throw PopErrors.invalidParameter("ListQuery.TabType", "'" + tabType + "' is not a tab; use TABLE or DATASOURCE"
                    + " (also PROJECT, USER_GROUP, ROW_PERMISSION, TENANT)").exception();
        }
        String search = searchText == null || searchText.isBlank() ? null : searchText.trim();
        long tenantId = caller.tenant().id();
        boolean all = access.holdsAny(caller, TenantRoles.SUPER_ADMIN, TenantRoles.SYSTEM_ADMIN, TenantRoles.SECURITY_ADMIN);
        List<String> groupIds = all ? List.of()
                : groups.groupIdsOf(tenantId, caller.user().id()).stream().map(String::valueOf).toList();
        return new PermissionRecordStore.Scope(tenantId, types, search, all, String.valueOf(caller.user().id()), groupIds);
    }
}
