package dev.sluice.platform.compute;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.platform.project.ComputeSourceDirectory;

/** Answers projects' questions about compute sources. */
@Component
class ComputeSourceNames implements ComputeSourceDirectory {

    private final ComputeSourceStore store;

    ComputeSourceNames(ComputeSourceStore store) {
        this.store = store;
    }

    @Override
    public Optional<String> name(long tenantId, long computeSourceId) {
        return store.find(tenantId, computeSourceId).map(ComputeSource::name);
    }
}
