package dev.sluice.platform.project;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The project's own contribution to {@code CheckProjectHasDependency}: the compute sources it is bound to, which keep
 * its tables and would have to be released before the project could go.
 */
@Component
class ComputeSourceBinding implements ProjectDependencies {

    private final ProjectStore store;
    private final Optional<ComputeSourceDirectory> names;

    ComputeSourceBinding(ProjectStore store, Optional<ComputeSourceDirectory> names) {
        this.store = store;
        this.names = names;
    }

    @Override
    public List<Dependency> of(long tenantId, long projectId) {
        List<Dependency> found = new ArrayList<>();
        store.find(tenantId, projectId).ifPresent(p -> {
            for (Long id : new Long[] {p.computeSourceId(), p.devComputeSourceId(), p.streamComputeSourceId()}) {
                if (id != null) {
                    String name = names.flatMap(n -> n.name(tenantId, id)).orElse(String.valueOf(id));
                    found.add(new Dependency("COMPUTE_SOURCE", String.valueOf(id), name));
                }
            }
        });
        return found;
    }
}
