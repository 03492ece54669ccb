package dev.sluice.develop.batch;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.platform.project.ProjectDependencies;

/** A project's batch tasks depend on it: {@code CheckProjectHasDependency} lists them. */
@Component
class BatchTaskDependencies implements ProjectDependencies {

    private final VersionedObjects objects;

    BatchTaskDependencies(VersionedObjects objects) {
        this.objects = objects;
    }

    @Override
    public List<Dependency> of(long tenantId, long projectId) {
        return objects.ofProject(tenantId, projectId).stream().filter(o -> o.kind().equals(BatchTasks.KIND))
                .map(o -> new Dependency("TASK", String.valueOf(o.id()), o.name())).toList();
    }
}
