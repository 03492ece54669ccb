package dev.sluice.platform.compute;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Administrators;
import dev.sluice.platform.project.Projects;

/**
 * Who may create and change compute sources. The contract names business-unit and project administrators; Sluice
 * has no business units yet, so: tenant administrators always, project administrators to create, and to change
 * or delete one they own or that is bound to a project they administer.
 */
@Component
class ComputeSourceRules {

    private final Administrators admins;
    private final Projects projects;

    ComputeSourceRules(Administrators admins, Projects projects) {
        this.admins = admins;
        this.projects = projects;
    }

    /** Also for a check of a draft configuration: it connects where a new source would, so it takes the right to create one. */
    void requireCreate(Caller caller) {
        admins.requireAnyProjectAdmin(caller);
    }

    void requireChange(Caller caller, ComputeSource source) {
        if (admins.tenantAdmin(caller)) return;
        boolean projectAdmin = admins.anyProjectAdmin(caller);
        if (projectAdmin && source.ownerUserId() == caller.user().id()) return;
        if (projects.usingComputeSource(source.tenantId(), source.id()).map(p -> admins.projectAdminAnywhere(caller, p)).orElse(false)) return;
        throw Access.refused(caller, "compute source '" + source.name() + "'", "super or system administrators, "
                + "by an administrator of the project it is bound to, or by its owner if a project administrator").exception();
    }
}
