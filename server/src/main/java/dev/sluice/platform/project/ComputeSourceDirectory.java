package dev.sluice.platform.project;

import java.util.Optional;

/**
 * What projects need to know about compute sources, supplied by the compute-source feature (which itself depends on
 * projects, so it is asked through this interface instead of called).
 */
public interface ComputeSourceDirectory {

    /** The name of the tenant's compute source, empty when the tenant has none with that id. */
    Optional<String> name(long tenantId, long computeSourceId);
}
