package dev.sluice.platform.datasource;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Administrators;

/**
 * Who may create and change data sources. The contract names tenant, data, business-unit, project and operations
 * administrators; Sluice has the tenant administrators (super and system administrator) and project administrators
 * of those. Tenant administrators may change any data source; a project administrator those they own.
 */
@Component
class DataSourceRules {

    private final Administrators admins;

    DataSourceRules(Administrators admins) {
        this.admins = admins;
    }

    /** Also for a check of a draft configuration: it connects where a new source would, so it takes the right to create one. */
    void requireCreate(Caller caller) {
        admins.requireAnyProjectAdmin(caller);
    }

    void requireChange(Caller caller, DataSource source) {
        if (admins.tenantAdmin(caller)) return;
        if (source.ownerUserId() == caller.user().id() && admins.anyProjectAdmin(caller)) return;
        throw Access.refused(caller, "data source '" + source.name() + "'", "super or system administrators, "
                + "or by its owner if a project administrator").exception();
    }
}
