package dev.sluice.platform.project;

import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;

/**
 * Who administers what, for the rules that need an object: tenant administrators (super or system administrator,
 * the global roles) administer every project and source of their tenant; a project administrator is a member
 * holding role 1 in that project's environment.
 */
@Component
public class Administrators {

    private final Access access;
    private final Projects projects;
    private final MemberStore members;

    Administrators(Access access, Projects projects, MemberStore members) {
        this.access = access;
        this.projects = projects;
        this.members = members;
    }

    public boolean tenantAdmin(Caller caller) {
        return access.isTenantAdmin(caller);
    }

    public boolean projectAdmin(Caller caller, Project project, Env env) {
        return members.roles(project.id(), project.memberEnv(env), caller.user().id()).contains(ProjectRole.PROJECT_ADMIN);
    }

    /** A member of the project in {@code env}, holding any project role. */
    public boolean member(Caller caller, Project project, Env env) {
        return !members.roles(project.id(), project.memberEnv(env), caller.user().id()).isEmpty();
    }

    /** The roles {@code userId} holds in the project's environment (for paths with a user but no caller, e.g. a SQL run). */
    public Set<ProjectRole> roles(Project project, Env env, long userId) {
        return members.roles(project.id(), project.memberEnv(env), userId);
    }

    /** Administrator of the project in any of its environments. */
    public boolean projectAdminAnywhere(Caller caller, Project project) {
        return projectAdmin(caller, project, Env.PROD) || projectAdmin(caller, project, Env.DEV);
    }

    /** {@link #requireProjectAdmin} for an operation on the whole project, whichever environment the caller administers. */
    public Project requireProjectAdminAnywhere(Caller caller, long projectId) {
        Project project = projects.require(caller.tenant().id(), projectId);
        if (tenantAdmin(caller) || projectAdminAnywhere(caller, project)) return project;
        throw Access.refused(caller, null, "an administrator of project '" + project.name() + "' or by a super or system administrator")
                .exception();
    }

    /** Refuses unless the caller is a tenant administrator or administers at least one project of the tenant. */
    public void requireAnyProjectAdmin(Caller caller) {
        access.require(caller, () -> tenantAdmin(caller) || anyProjectAdmin(caller), null,
                "project administrators or super and system administrators");
    }

    /** Administrator of at least one project of the caller's tenant. */
    public boolean anyProjectAdmin(Caller caller) {
        return members.administersAny(caller.tenant().id(), caller.user().id());
    }

    /**
     * The project of the caller's tenant with id {@code projectId}, if the caller is a tenant administrator or
     * administers it in {@code env}; refuses otherwise (an unknown project is not found, as for every caller).
     */
    public Project requireProjectAdmin(Caller caller, long projectId, Env env) {
        Project project = projects.require(caller.tenant().id(), projectId);
        if (tenantAdmin(caller) || projectAdmin(caller, project, env)) return project;
        throw Access.refused(caller, null, "an administrator of project '" + project.name() + "'"
                + (project.mode() == ProjectMode.BASIC ? "" : " in " + env) + " or by a super or system administrator").exception();
    }
}
