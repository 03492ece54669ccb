package dev.sluice.operations.instance;

import java.util.EnumSet;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRole;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopErrors;

/**
 * Who sees and who operates a project's instances: any member of its production environment reads them; its
 * administrators and O&M engineers (and super administrators) operate them. Another tenant's project is unknown.
 */
@Component
class InstanceAccess {

    private static final Set<ProjectRole> OPERATORS = EnumSet.of(ProjectRole.PROJECT_ADMIN, ProjectRole.OPERATOR);

    private final Access access;
    private final Projects projects;
    private final ProjectRoles roles;

    InstanceAccess(Access access, Projects projects, ProjectRoles roles) {
        this.access = access;
        this.projects = projects;
        this.roles = roles;
    }

    Project reader(Caller caller, long projectId) {
        Project project = projects.require(caller.tenant().id(), projectId);
        access.require(caller, () -> access.isSuperAdmin(caller) || !roles.of(project, Env.PROD, caller.user().id()).isEmpty(),
                "the instances of project '" + project.name() + "'", "its members or by super administrators");
        return project;
    }

    Project operator(Caller caller, long projectId) {
        Project project = projects.require(caller.tenant().id(), projectId);
        access.require(caller, () -> access.isSuperAdmin(caller)
                        || roles.of(project, Env.PROD, caller.user().id()).stream().anyMatch(OPERATORS::contains),
                "the instances of project '" + project.name() + "'", "its administrators and O&M engineers or by super administrators");
        return project;
    }

    /** Only production is scheduled: {@code DEV} is refused naming the parameter. */
    static void production(String env) {
        if (env == null || env.isBlank()) return;
        if (Env.parse(env, Env.PROD, "Env") != Env.PROD) {
            throw PopErrors.invalidParameter("Env", "Sluice schedules published (PROD) nodes only; development has no instances").exception();
        }
    }
}
