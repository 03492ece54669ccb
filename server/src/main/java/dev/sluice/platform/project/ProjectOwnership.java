package dev.sluice.platform.project;

import java.time.Clock;

import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.OwnerColumnObjects;

/** Projects in ownership transfer: the new owner must be a user of the same tenant. */
@Component
class ProjectOwnership extends OwnerColumnObjects {

    ProjectOwnership(ProjectStore store, TenantDirectory tenants, Clock clock) {
        super("PROJECT", "project", store, tenants, clock);
    }
}
