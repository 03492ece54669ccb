package dev.sluice.platform.compute;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.SavedSourceOwners;

/** Compute sources for data permissions. */
@Component
class ComputeSourceOwners extends SavedSourceOwners {

    ComputeSourceOwners(ComputeSourceStore store) {
        super(Kind.COMPUTE, store);
    }
}
