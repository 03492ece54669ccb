package dev.sluice.develop.resource;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.platform.project.ProjectDependencies;

/** A project's resources and UDFs depend on it: {@code CheckProjectHasDependency} lists them. */
@Component
class ResourceDependencies implements ProjectDependencies {

    private final VersionedObjects objects;

    ResourceDependencies(VersionedObjects objects) {
        this.objects = objects;
    }

    @Override
    public List<Dependency> of(long tenantId, long projectId) {
        return objects.ofProject(tenantId, projectId).stream()
                .filter(o -> o.kind().equals(ResourceObjects.RESOURCE) || o.kind().equals(ResourceObjects.UDF))
                .map(o -> new Dependency(o.kind(), String.valueOf(o.id()), o.name())).toList();
    }
}
