package dev.sluice.platform.permissionrecord;

import java.util.List;

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

    /** The documented tabs (TABLE, DATASOURCE; the others are ours: global roles are TENANT) and the resource types each lists. */
    enum Tab {
        TABLE("TABLE", "PHYSICAL_TABLE", "PHYSICAL_FIELD", "PHYSICAL_VIEW", "LOGICAL_TABLE", "LOGICAL_VIEW", "REALTIME_LOGICAL_TABLE", "REALTIME_MIRROR_TABLE"),
        DATASOURCE("DATASOURCE", "DATA_SOURCE"),
        PROJECT("PROJECT"),
        USER_GROUP("USER_GROUP"),
        ROW_PERMISSION("ROW_PERMISSION"),
        TENANT("TENANT");

        final List<String> resourceTypes;

        Tab(String... resourceTypes) {
            this.resourceTypes = List.of(resourceTypes);
        }
    }

    private RecordQuery() {
    }

    static PermissionRecordStore.Scope scope(Caller caller, Tab tab, String searchText, Access access, UserGroups groups) {
        if (tab == null) throw PopErrors.missingParameter("ListQuery.TabType").exception();
        List<String> types = tab.resourceTypes;
        String search = searchText == null || searchText.isBlank() ? null : searchText.trim();
        long tenantId = caller.tenant().id();
        boolean all = access.holdsAny(caller, TenantRoles.SUPER_ADMIN, TenantRoles.SYSTEM_ADMIN, TenantRoles.SECURITY_ADMIN);
        List<String> groupIds = all ? List.of()
                : groups.groupIdsOf(tenantId, caller.user().id()).stream().map(String::valueOf).toList();
        return new PermissionRecordStore.Scope(tenantId, types, search, all, String.valueOf(caller.user().id()), groupIds);
    }
}
