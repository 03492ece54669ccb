package dev.sluice.runner;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs, their statements, logs and results in the server's database ({@code sql_run}, {@code sql_run_subtask}), so any
 * node answers for a run whichever node executes it. Only the executing node writes a running run's rows; stop
 * requests from other nodes only raise {@code cancel_requested}.
 */
@Component
class RunStore {

    /** One statement as stored. */
    record SubTaskRow(int id, RunState state, String statement, String log, boolean hasResult, String result) {
    }

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    RunStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** Inserts the run and its statements, all waiting; false when the id is taken (the caller picks another). */
    boolean insert(String runId, RunContext context, List<String> statements, String nodeId, long now) {
        if (jdbc.sql("select count(*) from sql_run where run_id = ?").param(runId).query(Long.class).single() > 0) return false;
        jdbc.sql("""
                        insert into sql_run (run_id, tenant_id, user_id, project_id, env, source_kind, source_id, dialect, state,
                                             subtask_count, node_id, cancel_requested, created_at, started_at, finished_at, heartbeat_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'WAIT_RESOURCE', ?, ?, false, ?, 0, 0, ?)""")
                .params(runId, context.tenantId(), context.userId(), context.projectId(), context.env(), context.engine().kind().name(),
                        context.engine().sourceId(), context.engine().dialect().name(), statements.size(), nodeId, now, now)
                .update();
        for (int i = 0; i < statements.size(); i++) {
            jdbc.sql("""
                            insert into sql_run_subtask (run_id, subtask_id, state, statement, log, has_result, started_at, finished_at)
                            values (?, ?, 'WAIT_RESOURCE', ?, '', false, 0, 0)""")
                    .params(runId, i, statements.get(i)).update();
        }
        return true;
    }

    Optional<RunView> find(long tenantId, String runId) {
        Optional<RunView> run = jdbc.sql("""
                        select run_id, tenant_id, user_id, project_id, env, source_kind, source_id, state, created_at, started_at, finished_at,
                               node_lost
                        from sql_run where tenant_id = ? and run_id = ?""")
                .params(tenantId, runId)
                .query((rs, n) -> new RunView(rs.getString("run_id"), rs.getLong("tenant_id"), rs.getLong("user_id"),
                        (Long) rs.getObject("project_id", Long.class), rs.getString("env"), Engine.Kind.valueOf(rs.getString("source_kind")),
                        rs.getLong("source_id"), RunState.valueOf(rs.getString("state")), rs.getLong("created_at"),
                        rs.getLong("started_at"), rs.getLong("finished_at"), rs.getBoolean("node_lost"), List.of()))
                .optional();
        return run.map(r -> new RunView(r.id(), r.tenantId(), r.userId(), r.projectId(), r.env(), r.sourceKind(), r.sourceId(), r.state(),
                r.createdAt(), r.startedAt(), r.finishedAt(), r.nodeLost(),
                jdbc.sql("select subtask_id, state, has_result from sql_run_subtask where run_id = ? order by subtask_id")
                        .param(runId)
                        .query((rs, n) -> new RunView.SubTask(rs.getInt(1), RunState.valueOf(rs.getString(2)), rs.getBoolean(3)))
                        .list()));
    }

    Optional<SubTaskRow> subTask(String runId, int subTaskId) {
        return jdbc.sql("select subtask_id, state, statement, log, has_result, result from sql_run_subtask where run_id = ? and subtask_id = ?")
                .params(runId, subTaskId)
                .query((rs, n) -> new SubTaskRow(rs.getInt(1), RunState.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), rs.getString(6)))
                .optional();
    }

    void runStarted(String runId, long now) {
        jdbc.sql("update sql_run set state = 'RUNNING', started_at = ? where run_id = ? and state = 'WAIT_RESOURCE'").params(now, runId).update();
    }

    /** Ends the run, unless it was failed as lost meanwhile: that record is final (the scheduler may have retried it). */
    void runEnded(String runId, RunState state, long now) {
        jdbc.sql("update sql_run set state = ?, finished_at = ? where run_id = ? and node_lost = false").params(state.name(), now, runId).update();
    }

    void subTaskStarted(String runId, int subTaskId, long now) {
        jdbc.sql("update sql_run_subtask set state = 'RUNNING', started_at = ? where run_id = ? and subtask_id = ?")
                .params(now, runId, subTaskId).update();
    }

    /** Ends one statement with its final log (and result, for a query) in one write, so a reader never sees one without the other. */
    void subTaskEnded(String runId, int subTaskId, RunState state, String log, String result, long now) {
        jdbc.sql("""
                        update sql_run_subtask set state = ?, log = ?, has_result = ?, result = ?, finished_at = ?
                        where run_id = ? and subtask_id = ?""")
                .params(state.name(), log, result != null, result, now, runId, subTaskId).update();
    }

    void writeLog(String runId, int subTaskId, String log) {
        jdbc.sql("update sql_run_subtask set log = ? where run_id = ? and subtask_id = ?").params(log, runId, subTaskId).update();
    }

    /** Marks a stop request any node can see; false when the run is unknown to the tenant or already over. */
    boolean requestCancel(long tenantId, String runId) {
        return jdbc.sql("""
                        update sql_run set cancel_requested = true
                        where tenant_id = ? and run_id = ? and state in ('WAIT_RESOURCE', 'RUNNING')""")
                .params(tenantId, runId).update() > 0;
    }

    /** This node's runs that another node asked to stop. */
    List<String> cancelRequested(String nodeId) {
        return jdbc.sql("""
                        select run_id from sql_run
                        where node_id = ? and cancel_requested = true and state in ('WAIT_RESOURCE', 'RUNNING')""")
                .param(nodeId).query(String.class).list();
    }

    void heartbeat(String nodeId, long now) {
        jdbc.sql("update sql_run set heartbeat_at = ? where node_id = ? and state in ('WAIT_RESOURCE', 'RUNNING')").params(now, nodeId).update();
    }

    /**
     * Fails the runs whose node has not beaten its heart since {@code cutoff}: the node died (or lost its database) and
     * nobody will finish them. Their unfinished statements are failed with them.
     */
    int failLostRuns(long cutoff, long now, String note) {
        return transaction.execute(tx -> {
            List<String> lost = jdbc.sql("select run_id from sql_run where state in ('WAIT_RESOURCE', 'RUNNING') and heartbeat_at < ?")
                    .param(cutoff).query(String.class).list();
            for (String runId : lost) {
                failRun(runId, note, now);
                jdbc.sql("update sql_run set node_lost = true where run_id = ?").param(runId).update();
            }
            return lost.size();
        });
    }

    /**
     * Ends a run that cannot go on: its running statement FAILED, its waiting ones CANCELLED, {@code note} appended to
     * their logs, the run FAILED.
     */
    void failRun(String runId, String note, long now) {
        jdbc.sql("""
                        update sql_run_subtask set state = case when state = 'RUNNING' then 'FAILED' else 'CANCELLED' end,
                               log = log || ?, finished_at = ?
                        where run_id = ? and state in ('WAIT_RESOURCE', 'RUNNING')""")
                .params(note, now, runId).update();
        jdbc.sql("update sql_run set state = 'FAILED', finished_at = ? where run_id = ? and state in ('WAIT_RESOURCE', 'RUNNING')")
                .params(now, runId).update();
    }

    /** Deletes finished runs created before {@code cutoff}, with their statements, logs and results. */
    int deleteFinishedBefore(long cutoff) {
        return transaction.execute(tx -> {
            jdbc.sql("""
                            delete from sql_run_subtask where run_id in (
                                select run_id from sql_run where created_at < ? and state in ('SUCCESS', 'FAILED', 'CANCELLED'))""")
                    .param(cutoff).update();
            return jdbc.sql("delete from sql_run where created_at < ? and state in ('SUCCESS', 'FAILED', 'CANCELLED')").param(cutoff).update();
        });
    }
}
