package dev.sluice.operations;

/**
 * The operation log of a node ({@code GetPhysicalNodeOperationLog}): every operation on a node or on its instances
 * (pause, resume, run now, rerun, terminate, set success, backfill), who did it and when. Written in the caller's
 * transaction, so an operation and its record commit together.
 */
public interface NodeOperationLog {

    /**
     * @param operation what was done, e.g. {@code PAUSE}, {@code RERUN}
     * @param detail    a short human-readable detail (e.g. the instance id and business date), or null
     */
    void record(long tenantId, long projectId, String nodeId, long userId, String operation, String detail);
}
