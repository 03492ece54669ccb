package dev.sluice.develop.adhoc;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Administrators;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.RunView;
import dev.sluice.runner.SqlRunner;

/**
 * Who may do what with ad hoc runs. Any member of a project (whatever its role) runs SQL in the project's development
 * environment (a BASIC project's only one): which tables each statement may touch is the statement gate's decision.
 * A run's log and result, and stopping it, belong to the user who started it, the project's administrators and
 * tenant administrators. A run of another project or tenant answers exactly like one that does not exist.
 */
@Component
class AdHocRuns {

    private final Projects projects;
    private final Administrators administrators;
    private final SqlRunner runner;

    AdHocRuns(Projects projects, Administrators administrators, SqlRunner runner) {
        this.projects = projects;
        this.administrators = administrators;
        this.runner = runner;
    }

    /** The environment ad hoc runs use: development, or the one environment of a BASIC project. */
    static Env env(Project project) {
        return project.memberEnv(Env.DEV);
    }

    /** A subtask id from the wire; one beyond any run's (at most 100 statements) stays out of range, for the runner to refuse. */
    static int subTask(long wire) {
        return (int) Math.max(-1, Math.min(wire, Integer.MAX_VALUE));
    }

    /** The project, if the caller may run SQL in it. */
    Project requireRunner(Caller caller, long projectId) {
        Project project = projects.require(caller.tenant().id(), projectId);
        if (administrators.tenantAdmin(caller) || administrators.member(caller, project, env(project))) return project;
        throw Access.refused(caller, "project '" + project.name() + "'", "its members or by super or system administrators").exception();
    }

    /** The run, if it belongs to the project and the caller may see it. */
    RunView requireRun(Caller caller, long projectId, String taskId) {
        Project project = projects.require(caller.tenant().id(), projectId);
        RunView run = runner.find(caller.tenant().id(), taskId)
                .filter(r -> r.projectId() != null && r.projectId() == project.id())
                .orElseThrow(() -> PopErrors.notFound("ad hoc task", taskId).exception());
        if (run.userId() == caller.user().id() || administrators.tenantAdmin(caller) || administrators.projectAdminAnywhere(caller, project)) {
            return run;
        }
        throw Access.refused(caller, "ad hoc task '" + taskId + "'", "the user who started it, an administrator of project '"
                + project.name() + "' or by super or system administrators").exception();
    }
}
