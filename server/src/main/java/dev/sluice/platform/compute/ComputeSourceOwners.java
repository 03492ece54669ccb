package dev.sluice.platform.compute;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.platform.SourceOwners;

/** Compute sources for data permissions. */
@Component
class ComputeSourceOwners implements SourceOwners {

    private final ComputeSourceStore store;

    ComputeSourceOwners(ComputeSourceStore store) {
        this.store = store;
    }

    @Override
    public Kind kind() {
        return Kind.COMPUTE;
    }

    @Override
    public Optional<OwnedSource> byName(long tenantId, String name) {
        return store.byName(tenantId, name).map(ComputeSourceOwners::owned);
    }

    @Override
    public Optional<OwnedSource> byId(long tenantId, long id) {
        return store.find(tenantId, id).map(ComputeSourceOwners::owned);
    }

    private static OwnedSource owned(ComputeSource source) {
        return new OwnedSource(Kind.COMPUTE, source.id(), source.name(), source.ownerUserId());
    }
}
