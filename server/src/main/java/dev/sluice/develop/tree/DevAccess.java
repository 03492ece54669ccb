package dev.sluice.develop.tree;

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

/**
 * Who reads and who writes a project's development trees. The project must be one of the caller's tenant (another
 * tenant's answers like an unknown one). Super administrators may do everything; otherwise the caller's role in the
 * project's environment decides: any member reads; administrators and developers write; in a personal tree (ad hoc
 * queries) analysts write too, since ad hoc queries are their work. Visitors and O&M engineers only read.
 */
@Component
public class DevAccess {

    private static final Set<ProjectRole> WRITERS = EnumSet.of(ProjectRole.PROJECT_ADMIN, ProjectRole.DEVELOPER);
    private static final Set<ProjectRole> PERSONAL_WRITERS = EnumSet.of(ProjectRole.PROJECT_ADMIN, ProjectRole.DEVELOPER, ProjectRole.ANALYST);

    private final Access access;
    private final Projects projects;
    private final ProjectRoles roles;
    private final DevFiles files;

    DevAccess(Access access, Projects projects, ProjectRoles roles, DevFiles files) {
        this.access = access;
        this.projects = projects;
        this.roles = roles;
        this.files = files;
    }

    /** The project, if the caller may read its trees of {@code env}; refuses otherwise. */
    public Project reader(Caller caller, long projectId, Env env) {
        Project project = projects.require(caller.tenant().id(), projectId);
        access.require(caller, () -> access.isSuperAdmin(caller) || !roles.of(project, env, caller.user().id()).isEmpty(),
                "project '" + project.name() + "'", "its members or by super administrators");
        return project;
    }

    /** The project, if the caller may change its development trees of {@code category}; refuses otherwise. */
    public Project writer(Caller caller, long projectId, Category category) {
        Project project = projects.require(caller.tenant().id(), projectId);
        Set<ProjectRole> allowed = category.personal() ? PERSONAL_WRITERS : WRITERS;
        access.require(caller, () -> access.isSuperAdmin(caller)
                        || roles.of(project, Env.DEV, caller.user().id()).stream().anyMatch(allowed::contains),
                "project '" + project.name() + "'", category.personal()
                        ? "its administrators, developers and analysts or by super administrators"
                        : "its administrators and developers or by super administrators");
        return project;
    }

    /**
     * The node named by {@code fileId}, for a change: it must be in the caller's tenant and project and visible to the
     * caller (not found otherwise, like an unknown id; another user's ad hoc file included), and the caller must be
     * allowed to change its tree (refused otherwise).
     */
    public DevFile changeable(Caller caller, long projectId, long fileId) {
        reader(caller, projectId, Env.DEV);
        DevFile node = files.require(caller.tenant().id(), projectId, fileId, caller.user().id());
        writer(caller, projectId, node.tree().category());
        return node;
    }
}
