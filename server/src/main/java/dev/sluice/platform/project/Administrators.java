package dev.sluice.platform.project;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.protocol.PopErrors;

/**
 * Who administers what, for the rules that need an object: tenant administrators (super or system administrator,
 * the global roles) administer every project and source of their tenant; a project administrator is a member
 * holding role 1 in that project's environment.
 */
@Component
public class Administrators {

    private final TenantRoles roles;
    private final MemberStore members;

    Administrators(TenantRoles roles, MemberStore members) {
        this.roles = roles;
        this.members = members;
    }

    public boolean tenantAdmin(Caller caller) {
        return roles.isTenantAdmin(caller);
    }

    public boolean projectAdmin(Caller caller, Project project, Env env) {
        return members.roles(project.id(), project.memberEnv(env), caller.user().id()).contains(ProjectRole.PROJECT_ADMIN);
    }

    /** Administrator of the project in any of its environments. */
    public boolean projectAdminAnywhere(Caller caller, Project project) {
        return projectAdmin(caller, project, Env.PROD) || projectAdmin(caller, project, Env.DEV);
    }

    /** Administrator of at least one project of the caller's tenant. */
    public boolean anyProjectAdmin(Caller caller) {
        return members.administersAny(caller.tenant().id(), caller.user().id());
    }

    /** Refuses unless the caller is a tenant administrator or administers the project in {@code env}. */
    public void requireProjectAdmin(Caller caller, Project project, Env env, String action) {
        if (tenantAdmin(caller) || projectAdmin(caller, project, env)) return;
        throw PopErrors.forbidden(action + " may only be called by an administrator of project '" + project.name() + "'"
                + (project.mode() == ProjectMode.BASIC ? "" : " in " + env) + " or by a super or system administrator.").exception();
    }
}
