package dev.sluice.operations.instance;

import dev.sluice.develop.version.DevObject;

/**
 * An instance as stored: one due time of a published node (or one business date of a manual run, {@code flowId} set).
 *
 * @param bizDate  {@code yyyy-MM-dd}, the run date minus one day
 * @param attempt  attempts started so far
 * @param runId    the SQL runner's run of the current attempt, null before one or for a node that runs nothing
 */
public record Instance(long id, long tenantId, long projectId, long objectId, int version, String flowId, long dueAt, String bizDate,
                       InstanceStatus status, boolean paused, boolean terminated, int attempt, String runId, String claimedBy,
                       Long startedAt, Long finishedAt, String errorMessage, String params) {

    public String wireId() {
        return "t_" + id;
    }

    public String nodeId() {
        return DevObject.nodeId(objectId);
    }

    /** {@code ${bizdate}}: the business date as {@code yyyyMMdd}. */
    public String bizdateParam() {
        return bizDate.replace("-", "");
    }

    /** The id in {@code t_<number>} form, or -1 when the text is not one. */
    public static long parseId(String wireId) {
        if (wireId == null || !wireId.matches("t_[0-9]{1,18}")) return -1;
        return Long.parseLong(wireId.substring(2));
    }
}
