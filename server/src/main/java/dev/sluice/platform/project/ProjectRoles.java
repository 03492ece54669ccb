package dev.sluice.platform.project;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The roles a user holds in a project, for modules whose rules go by project role (data development: who reads and who
 * writes a project's code). Administrators of the project have their own checks in {@link Administrators}.
 */
@Component
public class ProjectRoles {

    private final MemberStore members;

    ProjectRoles(MemberStore members) {
        this.members = members;
    }

    /** The user's roles in {@code env} of the project (a BASIC project has one environment); empty for a non-member. */
    public Set<ProjectRole> of(Project project, Env env, long userId) {
        return members.roles(project.id(), project.memberEnv(env), userId);
    }
}
