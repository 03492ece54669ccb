package dev.sluice.runner;

import java.util.List;

/**
 * A run as any node reads it from the database.
 *
 * @param projectId null for a run that belongs to no project
 * @param startedAt epoch milliseconds its first statement started, 0 while it waits
 * @param finishedAt epoch milliseconds it ended, 0 while it goes on
 * @param nodeLost   it was failed because the node executing it stopped beating its heart (not by its SQL)
 */
public record RunView(String id, long tenantId, long userId, Long projectId, String env, Engine.Kind sourceKind, long sourceId,
                      RunState state, long createdAt, long startedAt, long finishedAt, boolean nodeLost,
                      List<SubTask> subTasks) {

    /** One statement of the run. */
    public record SubTask(int id, RunState state, boolean hasResult) {
    }
}
