package dev.sluice.permission;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.platform.SourceOwners;
import dev.sluice.platform.SourceOwners.OwnedSource;
import dev.sluice.platform.project.Administrators;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRole;
import dev.sluice.platform.project.Projects;

/**
 * What a user may do on a resource: everything for super administrators and the source's owner; on a project's own
 * compute source, everything for its administrators and developers and reading for its other members; beyond that,
 * the explicit grants still in force.
 */
@Component
class Rights {

    /** A project environment whose compute source is the one in question. */
    record Seat(Project project, Env env) {
    }

    private static final Set<ProjectRole> BUILDERS = Set.of(ProjectRole.PROJECT_ADMIN, ProjectRole.DEVELOPER);

    private final Accounts accounts;
    private final Projects projects;
    private final Administrators administrators;
    private final GrantStore grants;
    private final Clock clock;

    Rights(Accounts accounts, Projects projects, Administrators administrators, GrantStore grants, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.administrators = administrators;
        this.grants = grants;
        this.clock = clock;
    }

    boolean isSuperAdmin(long tenantId, long userId) {
        return accounts.roles(tenantId, userId).stream().anyMatch(role -> TenantRoles.SUPER_ADMIN.equals(role.code()));
    }

    /** The rights that come with who the user is, not with a grant. */
    Set<TableRight> implied(long tenantId, long userId, OwnedSource source, Seat seat) {
        if (source.ownerUserId() == userId || isSuperAdmin(tenantId, userId)) return TableRight.ALL;
        if (seat == null) return Set.of();
        Set<ProjectRole> roles = administrators.roles(seat.project(), seat.env(), userId);
        if (roles.stream().anyMatch(BUILDERS::contains)) return TableRight.ALL;
        return roles.isEmpty() ? Set.of() : TableRight.READ;
    }

    Set<TableRight> held(long tenantId, long userId, Resource resource, Seat seat) {
        Set<TableRight> held = EnumSet.noneOf(TableRight.class);
        held.addAll(implied(tenantId, userId, resource.source(), seat));
        if (held.size() < TableRight.ALL.size()) held.addAll(grants.inForce(tenantId, userId, resource, clock.millis()));
        return held;
    }

    /** The project environment a compute source serves, if one is bound to it. */
    Optional<Seat> boundSeat(long tenantId, OwnedSource source) {
        if (source.kind() != SourceOwners.Kind.COMPUTE) return Optional.empty();
        return projects.usingComputeSource(tenantId, source.id()).flatMap(project -> {
            if (Long.valueOf(source.id()).equals(project.computeSourceFor(Env.PROD))) return Optional.of(new Seat(project, Env.PROD));
            if (Long.valueOf(source.id()).equals(project.computeSourceFor(Env.DEV))) return Optional.of(new Seat(project, Env.DEV));
            return Optional.empty(); // a stream compute source: no batch SQL runs there
        });
    }

    /** The run's project environment, when the run executes on that project's own compute source. */
    Optional<Seat> runSeat(long tenantId, Long projectId, String env, SourceOwners.Kind kind, long sourceId) {
        if (projectId == null || kind != SourceOwners.Kind.COMPUTE) return Optional.empty();
        Env parsed = "DEV".equalsIgnoreCase(env) ? Env.DEV : Env.PROD;
        return projects.find(tenantId, projectId)
                .filter(project -> Long.valueOf(sourceId).equals(project.computeSourceFor(parsed)))
                .map(project -> new Seat(project, parsed));
    }
}
