package dev.sluice.operations.node;

import java.time.Clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.operations.NodeHolds;
import dev.sluice.protocol.PopErrors;

/**
 * The pause state of production nodes: a row per paused node. {@code PausePhysicalNode} adds it, {@code
 * ResumePhysicalNode} removes it, and the scheduler asks {@link #held} before it starts an instance.
 */
@Component
class PausedNodes implements NodeHolds {

    private final JdbcClient jdbc;
    private final Clock clock;

    PausedNodes(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public boolean held(long tenantId, long projectId, String nodeId) {
        return jdbc.sql("select count(*) from node_pause where tenant_id = :t and project_id = :p and node_id = :n")
                .param("t", tenantId).param("p", projectId).param("n", nodeId).query(Long.class).single() > 0;
    }

    /**
     * Pauses the node; false when it already was. Two calls racing past the check meet the primary key: the later one is
     * refused as the pause that exists already (the whole call rolls back, as a call a moment later would have logged
     * nothing).
     */
    boolean pause(long tenantId, long projectId, String nodeId, long userId) {
        if (held(tenantId, projectId, nodeId)) return false;
        UniqueWrites.runOrRefuse(() -> jdbc.sql("insert into node_pause (tenant_id, project_id, node_id, paused_by, paused_at) values (:t, :p, :n, :u, :at)")
                .param("t", tenantId).param("p", projectId).param("n", nodeId).param("u", userId).param("at", clock.millis()).update(),
                () -> PopErrors.alreadyExists("pause of node", nodeId));
        return true;
    }

    /** Releases the node; false when it was not paused. */
    boolean resume(long tenantId, long projectId, String nodeId) {
        return jdbc.sql("delete from node_pause where tenant_id = :t and project_id = :p and node_id = :n")
                .param("t", tenantId).param("p", projectId).param("n", nodeId).update() > 0;
    }
}
