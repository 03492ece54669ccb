package dev.sluice.platform.project;

import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.sluice.platform.PermissionChanged;
import dev.sluice.platform.PermissionChanged.Change;
import dev.sluice.protocol.PopErrors;

/**
 * Changes to project membership. Every role granted or revoked is published as a {@link PermissionChanged} event
 * (inside the caller's transaction, so the permission records commit with the change).
 */
@Component
class ProjectMembers {

    private final MemberStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProjectMembers(MemberStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    boolean isMember(Project project, Env env, long userId) {
        return store.find(project.id(), project.memberEnv(env), userId).isPresent();
    }

    /** @throws dev.sluice.protocol.PopException {@code EntityNotExist} naming the project and environment */
    void requireMember(Project project, Env env, long userId) {
        if (!isMember(project, env, userId)) {
            throw PopErrors.notFound("member of project '" + project.name() + "' in " + env, userId).exception();
        }
    }

    /** The owner of a new project administers it in each of its environments. */
    void addOwner(Project project, String ownerName) {
        List<Env> envs = project.mode() == ProjectMode.BASIC ? List.of(Env.PROD) : List.of(Env.DEV, Env.PROD);
        for (Env env : envs) {
            add(project, env, project.ownerUserId(), ownerName, EnumSet.of(ProjectRole.PROJECT_ADMIN),
                    project.ownerUserId(), "owner of the new project");
        }
    }

    void add(Project project, Env env, long userId, String userName, Set<ProjectRole> roles, long operator, String reason) {
        long now = clock.millis();
        store.insert(project.id(), project.memberEnv(env), userId, roles, operator, now);
        publish(project, env, userId, userName, Change.GRANT, roles, operator, reason, now);
    }

    void update(Project project, Env env, long userId, String userName, Set<ProjectRole> roles, long operator, String reason) {
        long now = clock.millis();
        Set<ProjectRole> before = store.roles(project.id(), project.memberEnv(env), userId);
        store.replaceRoles(project.id(), project.memberEnv(env), userId, roles, operator, now);
        Set<ProjectRole> revoked = difference(before, roles);
        Set<ProjectRole> granted = difference(roles, before);
        if (!revoked.isEmpty()) publish(project, env, userId, userName, Change.REVOKE, revoked, operator, reason, now);
        if (!granted.isEmpty()) publish(project, env, userId, userName, Change.GRANT, granted, operator, reason, now);
    }

    void remove(Project project, Env env, long userId, String userName, long operator, String reason) {
        long now = clock.millis();
        Set<ProjectRole> before = store.roles(project.id(), project.memberEnv(env), userId);
        store.delete(project.id(), project.memberEnv(env), userId);
        if (!before.isEmpty()) publish(project, env, userId, userName, Change.REVOKE, before, operator, reason, now);
    }

    private void publish(Project project, Env env, long userId, String userName, Change change, Set<ProjectRole> roles,
                         long operator, String reason, long now) {
        events.publishEvent(new PermissionChanged(project.tenantId(), change, "PROJECT", String.valueOf(project.id()), project.name(),
                project.id(), project.name(), project.permissionEnv(env), "USER", String.valueOf(userId), userName,
                roles.stream().map(Enum::name).toList(), null, operator, reason, java.time.Instant.ofEpochMilli(now)));
    }

    private static Set<ProjectRole> difference(Set<ProjectRole> a, Set<ProjectRole> b) {
        Set<ProjectRole> d = a.isEmpty() ? EnumSet.noneOf(ProjectRole.class) : EnumSet.copyOf(a);
        d.removeAll(b);
        return d;
    }
}
