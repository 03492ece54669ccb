package dev.sluice.operations.node;

import java.time.Clock;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.operations.NodeOperationLog;

/** The operation log of nodes, one row per operation, in the caller's transaction. */
@Component
class NodeLog implements NodeOperationLog {

    /** The most entries {@code GetPhysicalNodeOperationLog} answers (the newest); the contract has no paging for it. */
    static final int MAX_ENTRIES = 500;
    static final int MAX_DETAIL = 1024;

    private final JdbcClient jdbc;
    private final Clock clock;

    NodeLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(long tenantId, long projectId, String nodeId, long userId, String operation, String detail) {
        String kept = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
        jdbc.sql("insert into node_operation_log (tenant_id, project_id, node_id, user_id, operation, detail, created_at)"
                        + " values (:t, :p, :n, :u, :op, :d, :at)")
                .param("t", tenantId).param("p", projectId).param("n", nodeId).param("u", userId).param("op", operation)
                .param("d", kept).param("at", clock.millis()).update();
    }

    record Entry(long userId, String operation, String detail, long at) {
    }

    /** The node's entries, newest first, at most {@link #MAX_ENTRIES}. */
    List<Entry> of(long tenantId, String nodeId) {
        return jdbc.sql("select user_id, operation, detail, created_at from node_operation_log where tenant_id = :t and node_id = :n"
                        + " order by id desc fetch first " + MAX_ENTRIES + " rows only")
                .param("t", tenantId).param("n", nodeId).query((rs, i) -> new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)))
                .list();
    }
}
