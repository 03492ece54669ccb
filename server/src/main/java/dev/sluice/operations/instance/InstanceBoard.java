package dev.sluice.operations.instance;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.account.Accounts;
import dev.sluice.account.Role;
import dev.sluice.account.Tenant;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.TenantRoles;
import dev.sluice.operations.TodayInstances;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.platform.project.Projects;

/**
 * {@link TodayInstances} over the scheduler's store. Which projects a console user sees follows {@link InstanceAccess}'s
 * reader rule (a production member, or a super administrator of the tenant), decided here from the user id because the
 * console has no API caller.
 */
@Component
class InstanceBoard implements TodayInstances {

    private final Accounts accounts;
    private final Projects projects;
    private final ProjectRoles roles;
    private final InstanceStore store;
    private final VersionedObjects objects;
    private final AttemptLogs logs;
    private final DisplayTime time;
    private final Clock clock;

    InstanceBoard(Accounts accounts, Projects projects, ProjectRoles roles, InstanceStore store, VersionedObjects objects,
                  AttemptLogs logs, DisplayTime time, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.roles = roles;
        this.store = store;
        this.objects = objects;
        this.logs = logs;
        this.time = time;
        this.clock = clock;
    }

    @Override
    public Today today(long accountId, long userId) {
        ZoneId zone = time.zone();
        long now = clock.millis();
        LocalDate today = LocalDate.now(clock.withZone(zone));
        long from = today.atStartOfDay(zone).toInstant().toEpochMilli();
        long to = today.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
        List<Row> rows = new ArrayList<>();
        long later = 0;
        Map<Long, String> names = new HashMap<>();
        for (Project project : visibleProjects(accountId, userId)) {
            var due = new InstanceStore.Filter(project.tenantId(), project.id(), null, null, null, null, null, from, now + 1, null, null, null);
            for (Instance instance : store.page(due, 0, LIMIT).rows()) rows.add(row(instance, project, names));
            var coming = new InstanceStore.Filter(project.tenantId(), project.id(), null, null, null, null, null, now + 1, to, null, null, null);
            later += store.page(coming, 0, 0).total();
        }
        rows.sort(Comparator.comparing(Row::dueTime).reversed().thenComparing(Row::instanceId));
        return new Today(rows.size() > LIMIT ? List.copyOf(rows.subList(0, LIMIT)) : rows, later);
    }

    @Override
    public Optional<Log> log(long accountId, long userId, String instanceId) {
        long id = Instance.parseId(instanceId);
        if (id < 0) return Optional.empty();
        for (Project project : visibleProjects(accountId, userId)) {
            Optional<Instance> found = store.find(project.tenantId(), id).filter(i -> i.projectId() == project.id());
            if (found.isEmpty()) continue;
            Instance instance = found.get();
            List<Attempt> attempts = store.attempts(instance.id()).stream()
                    .map(a -> new Attempt(a.attempt(), a.status().name(), time.format(a.startedAt()),
                            a.finishedAt() == null ? null : time.format(a.finishedAt()), logs.content(instance.tenantId(), a, "instance")))
                    .toList();
            return Optional.of(new Log(row(instance, project, new HashMap<>()), attempts));
        }
        return Optional.empty();
    }

    private List<Project> visibleProjects(long accountId, long userId) {
        List<Project> visible = new ArrayList<>();
        for (Tenant tenant : accounts.tenants(accountId)) {
            List<Role> held = accounts.roles(tenant.id(), userId);
            if (held.isEmpty()) continue; // not a member of this tenant
            boolean superAdmin = held.stream().anyMatch(r -> TenantRoles.SUPER_ADMIN.equals(r.code()));
            for (Project project : projects.all(tenant.id())) {
                if (superAdmin || !roles.of(project, Env.PROD, userId).isEmpty()) visible.add(project);
            }
        }
        return visible;
    }

    private Row row(Instance i, Project project, Map<Long, String> names) {
        String nodeName = names.computeIfAbsent(i.objectId(), id -> objects.find(i.tenantId(), id).map(DevObject::name).orElse(i.nodeId()));
        Long started = i.startedAt();
        Long ended = i.status().isFinal() ? i.finishedAt() : null;
        Long duration = started == null ? null : (ended == null ? clock.millis() : ended) - started;
        List<String> statusList = InstanceViews.statusList(i);
        List<String> flags = statusList.subList(1, statusList.size());
        return new Row(i.wireId(), project.name(), i.nodeId(), nodeName, i.bizDate(), time.format(i.dueAt()), i.status().name(),
                List.copyOf(flags), started == null ? null : time.format(started), ended == null ? null : time.format(ended), duration,
                i.attempt());
    }
}
