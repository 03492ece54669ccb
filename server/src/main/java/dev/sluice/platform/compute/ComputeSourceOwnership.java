package dev.sluice.platform.compute;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.OwnerColumnObjects;
import dev.sluice.platform.project.TenantDirectory;

/** Compute sources in ownership transfer. */
@Component
class ComputeSourceOwnership extends OwnerColumnObjects {

    ComputeSourceOwnership(ComputeSourceStore store, TenantDirectory tenants, Clock clock) {
        super("COMPUTE_SOURCE", "compute source", store, tenants, clock);
    }
}
