package dev.sluice.platform.project;

import java.util.List;

/**
 * Extension point of {@code CheckProjectHasDependency}: every module that keeps objects in or for a project (bound
 * compute sources here; later files, tasks, tables, APIs) contributes one bean, so the check asks all of them without
 * knowing each.
 */
public interface ProjectDependencies {

    /** What in this module still depends on the project, in a stable order; empty when nothing does. */
    List<Dependency> of(long tenantId, long projectId);

    /** One dependent object: its kind (e.g. {@code COMPUTE_SOURCE}, {@code TASK}), its id as text and its name. */
    record Dependency(String type, String id, String name) {
    }
}
