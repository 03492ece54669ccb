package dev.sluice.operations;

/**
 * Whether a published node's future instances are held ({@code PausePhysicalNode}) until it is resumed. Kept by the
 * node feature, asked by the scheduler before it starts an instance.
 *
 * @see NodeOperationLog
 */
public interface NodeHolds {

    /** @param nodeId the node's wire id, e.g. {@code n_5100000012} */
    boolean held(long tenantId, long projectId, String nodeId);
}
