package dev.sluice.platform.compute;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;

/** A compute source as GetComputeSource (epoch-millisecond times) and ListComputeSources (display times) show it. */
@Component
class ComputeSourceViews {

    record View(boolean bindProject, Long bindProjectId, String bindProjectName, String creator, String creatorName, String description,
                String displayName, String gmtCreate, String gmtModified, long id, String name, String owner, String ownerName, String type) {
    }

    private final Projects projects;
    private final TenantUsers users;
    private final DisplayTime time;

    ComputeSourceViews(Projects projects, TenantUsers users, DisplayTime time) {
        this.projects = projects;
        this.users = users;
        this.time = time;
    }

    List<View> of(Caller caller, List<ComputeSource> sources, boolean epochTimes) {
        Map<Long, User> names = users.byId(caller, sources.stream().flatMap(s -> Stream.of(s.creatorUserId(), s.ownerUserId())).distinct().toList());
        return sources.stream().map(s -> {
            Optional<Project> bound = projects.usingComputeSource(s.tenantId(), s.id());
            return new View(bound.isPresent(), bound.map(Project::id).orElse(null), bound.map(Project::name).orElse(null),
                    String.valueOf(s.creatorUserId()), nameOf(names, s.creatorUserId()), s.description(), s.name(),
                    epochTimes ? String.valueOf(s.createdAt()) : time.format(s.createdAt()),
                    epochTimes ? String.valueOf(s.modifiedAt()) : time.format(s.modifiedAt()),
                    s.id(), s.name(), String.valueOf(s.ownerUserId()), nameOf(names, s.ownerUserId()), s.type());
        }).toList();
    }

    static String nameOf(Map<Long, User> users, long id) {
        User user = users.get(id);
        return user == null ? null : user.displayName();
    }
}
