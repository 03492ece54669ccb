package dev.sluice.operations.instance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The instances and their attempts in the database; every lookup by id names the tenant. */
@Repository
class InstanceStore {

    private static final String COLUMNS = "id, tenant_id, project_id, object_id, version, flow_id, due_at, biz_date, status, paused,"
            + " terminated, attempt, run_id, claimed_by, started_at, finished_at, error_message, params";

    private final JdbcClient jdbc;

    InstanceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the instance unless the node already has one at that due time in that flow; true when added. */
    boolean insertIfAbsent(long tenantId, long projectId, long objectId, int version, String flowId, long dueAt, String bizDate,
                           String params, long now) {
        try {
            return jdbc.sql("insert into sched_instance (tenant_id, project_id, object_id, version, flow_id, due_at, biz_date, status,"
                            + " paused, terminated, attempt, params, checked_at, created_at) select :tenant, :project, :object, :version, :flow,"
                            + " :due, :biz, 'WAIT_SCHEDULE', false, false, 0, :params, 0, :now where not exists (select 1 from sched_instance"
                            + " where object_id = :object and due_at = :due and flow_id = :flow and biz_date = :biz)")
                    .param("tenant", tenantId).param("project", projectId).param("object", objectId).param("version", version)
                    .param("flow", flowId).param("due", dueAt).param("biz", bizDate).param("params", params).param("now", now)
                    .update() == 1;
        } catch (DuplicateKeyException raced) {
            return false; // another node generated it between the check and the insert
        }
    }

    /**
     * Locks up to {@code limit} due, waiting, unpaused instances no other transaction holds; the locks last until the
     * caller's transaction ends, so each instance is judged (and started) by exactly one node.
     */
    List<Instance> lockDue(long now, int limit) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where status = 'WAIT_SCHEDULE' and paused = false and due_at <= :now"
                        + " and (retry_at is null or retry_at <= :now) order by checked_at, due_at, id limit :limit for update skip locked")
                .param("now", now).param("limit", limit).query(InstanceStore::row).list();
    }

    /** Sends an instance that is not ready to the back of the line, so blocked ones cannot fill every claim batch. */
    void notReady(long id, long now) {
        jdbc.sql("update sched_instance set checked_at = :now where id = :id").param("now", now).param("id", id).update();
    }

    /** The statuses (by due time) of the instances of the node writing {@code outputName} for one business date and flow. */
    List<Upstream> upstreamInstances(long tenantId, String outputName, String bizDate, String flowId) {
        return jdbc.sql("select i.due_at, i.status from sched_instance i join batch_task_output o on o.object_id = i.object_id"
                        + " where o.tenant_id = :tenant and o.output_name = :name and i.biz_date = :biz and i.flow_id = :flow"
                        + " order by i.due_at")
                .param("tenant", tenantId).param("name", outputName).param("biz", bizDate).param("flow", flowId)
                .query((rs, n) -> new Upstream(rs.getLong(1), InstanceStatus.valueOf(rs.getString(2)))).list();
    }

    record Upstream(long dueAt, InstanceStatus status) {
    }

    /** The instances (by due time) of the node writing {@code outputName} for one business date and flow. */
    List<Instance> ofOutput(long tenantId, String outputName, String bizDate, String flowId) {
        return jdbc.sql("select " + prefixed("i.") + " from sched_instance i join batch_task_output o on o.object_id = i.object_id"
                        + " where o.tenant_id = :tenant and o.output_name = :name and i.biz_date = :biz and i.flow_id = :flow"
                        + " order by i.due_at, i.id")
                .param("tenant", tenantId).param("name", outputName).param("biz", bizDate).param("flow", flowId)
                .query(InstanceStore::row).list();
    }

    /** The instances of a node for one business date and flow, by due time. */
    List<Instance> ofNode(long tenantId, long objectId, String bizDate, String flowId) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where tenant_id = :tenant and object_id = :object and biz_date = :biz"
                        + " and flow_id = :flow order by due_at, id")
                .param("tenant", tenantId).param("object", objectId).param("biz", bizDate).param("flow", flowId)
                .query(InstanceStore::row).list();
    }

    private static String prefixed(String alias) {
        return alias + COLUMNS.replace(", ", ", " + alias);
    }

    /** Instances whose attempt runs (or waits for a slot) in the SQL runner. */
    List<Instance> active() {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where status in ('WAIT_RESOURCE', 'RUNNING') and run_id is not null")
                .query(InstanceStore::row).list();
    }

    /** Starts the next attempt of a locked instance: its status, run, node and time, and the attempt's record. */
    void startAttempt(Instance instance, InstanceStatus status, String runId, String node, long now) {
        int attempt = instance.attempt() + 1;
        jdbc.sql("update sched_instance set status = :status, attempt = :attempt, run_id = :run, claimed_by = :node, claimed_at = :now,"
                        + " started_at = :now, finished_at = null, error_message = null, terminated = false where id = :id")
                .param("status", status.name()).param("attempt", attempt).param("run", runId).param("node", node).param("now", now)
                .param("id", instance.id()).update();
        jdbc.sql("insert into sched_attempt (instance_id, attempt, run_id, status, claimed_by, started_at) values (:id, :attempt, :run,"
                        + " :status, :node, :now)")
                .param("id", instance.id()).param("attempt", attempt).param("run", runId).param("status", status.name())
                .param("node", node).param("now", now).update();
    }

    /**
     * Moves the instance from {@code from} (with that run, when given) to {@code to}; false when someone else moved it
     * first. A final status records the end time and message on the instance and its attempt.
     */
    boolean move(long id, InstanceStatus from, String runId, InstanceStatus to, long now, String message) {
        String ends = to.isFinal() ? ", finished_at = :now, error_message = :message" : "";
        String sameRun = runId == null ? "" : " and run_id = :run";
        var update = jdbc.sql("update sched_instance set status = :to" + ends + " where id = :id and status = :from" + sameRun)
                .param("to", to.name()).param("id", id).param("from", from.name());
        if (to.isFinal()) update = update.param("now", now).param("message", message);
        if (runId != null) update = update.param("run", runId);
        if (update.update() != 1) return false;
        var attempt = jdbc.sql("update sched_attempt set status = :to" + (to.isFinal() ? ", finished_at = :now, message = :message" : "")
                        + " where instance_id = :id and attempt = (select attempt from sched_instance where id = :id)")
                .param("to", to.name()).param("id", id);
        if (to.isFinal()) attempt = attempt.param("now", now).param("message", message);
        attempt.update();
        return true;
    }

    /** Back to waiting for a new attempt (a rerun), from the final status it is in, with all its retries again. */
    boolean rewait(long id, InstanceStatus from) {
        return jdbc.sql("update sched_instance set status = 'WAIT_SCHEDULE', terminated = false, error_message = null, failures = 0,"
                        + " losses = 0, retry_at = null where id = :id and status = :from").param("id", id).param("from", from.name())
                .update() == 1;
    }

    /** Attempts of the instance since it was generated or last rerun that failed, and that were lost with their node. */
    record Retries(int failures, int losses) {
    }

    Retries retries(long id) {
        return jdbc.sql("select failures, losses from sched_instance where id = :id").param("id", id)
                .query((rs, n) -> new Retries(rs.getInt(1), rs.getInt(2))).single();
    }

    /**
     * Ends the current attempt (its run {@code runId} over) as failed and sends the instance back to waiting for another
     * from {@code retryAt}, counting it as lost or failed; false when someone else moved the instance first.
     */
    boolean retry(long id, InstanceStatus from, String runId, boolean lost, long now, long retryAt, String message) {
        String counter = lost ? "losses = losses + 1" : "failures = failures + 1";
        if (jdbc.sql("update sched_instance set status = 'WAIT_SCHEDULE', " + counter + ", retry_at = :retryAt, error_message = :message"
                        + " where id = :id and status = :from and run_id = :run")
                .param("retryAt", retryAt).param("message", message).param("id", id).param("from", from.name()).param("run", runId)
                .update() != 1) {
            return false;
        }
        jdbc.sql("update sched_attempt set status = 'FAILED', finished_at = :now, message = :message"
                        + " where instance_id = :id and attempt = (select attempt from sched_instance where id = :id)")
                .param("now", now).param("message", message).param("id", id).update();
        return true;
    }

    void setPaused(long id, boolean paused) {
        jdbc.sql("update sched_instance set paused = :paused where id = :id").param("paused", paused).param("id", id).update();
    }

    void markTerminated(long id) {
        jdbc.sql("update sched_instance set terminated = true where id = :id").param("id", id).update();
    }

    /** The instance, locked for a change in the caller's transaction. */
    Optional<Instance> lock(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where tenant_id = :tenant and id = :id for update")
                .param("tenant", tenantId).param("id", id).query(InstanceStore::row).optional();
    }

    Optional<Instance> find(long tenantId, long id) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(InstanceStore::row).optional();
    }

    /** The instances of a node, by due time (tests and the operations' views). */
    List<Instance> ofNode(long tenantId, long objectId) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where tenant_id = :tenant and object_id = :object order by due_at, id")
                .param("tenant", tenantId).param("object", objectId).query(InstanceStore::row).list();
    }

    record Attempt(int attempt, String runId, InstanceStatus status, String claimedBy, long startedAt, Long finishedAt, String message) {
    }

    List<Attempt> attempts(long instanceId) {
        return jdbc.sql("select attempt, run_id, status, claimed_by, started_at, finished_at, message from sched_attempt"
                        + " where instance_id = :id order by attempt")
                .param("id", instanceId)
                .query((rs, n) -> new Attempt(rs.getInt(1), rs.getString(2), InstanceStatus.valueOf(rs.getString(3)), rs.getString(4),
                        rs.getLong(5), (Long) rs.getObject(6, Long.class), rs.getString(7))).list();
    }

    /** The instances of a flow (a manual run or a backfill's dag run), by node and due time. */
    List<Instance> inFlow(long tenantId, String flowId) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where tenant_id = :tenant and flow_id = :flow order by object_id, due_at, id")
                .param("tenant", tenantId).param("flow", flowId).query(InstanceStore::row).list();
    }

    /** The instances of one business date of a flow ('' for the scheduled ones), every project of the tenant. */
    List<Instance> inFlowOnDate(long tenantId, String flowId, String bizDate) {
        return jdbc.sql("select " + COLUMNS + " from sched_instance where tenant_id = :tenant and flow_id = :flow and biz_date = :biz"
                        + " order by due_at, id")
                .param("tenant", tenantId).param("flow", flowId).param("biz", bizDate).query(InstanceStore::row).list();
    }

    /**
     * Sends a locked instance whose attempt is in progress back to waiting: the attempt ends FAILED with {@code message},
     * the instance forgets its run, so following it stops and the next poll starts a new attempt.
     */
    boolean requeue(Instance instance, long now, String message) {
        if (!move(instance.id(), instance.status(), instance.runId(), InstanceStatus.FAILED, now, message)) return false;
        return jdbc.sql("update sched_instance set status = 'WAIT_SCHEDULE', run_id = null, terminated = false, error_message = null"
                + " where id = :id and status = 'FAILED'").param("id", instance.id()).update() == 1;
    }

    /** Filters of {@code ListInstances} that the store honours; null means any. */
    record Filter(long tenantId, long projectId, Long objectId, String flowId, Boolean manual, String minBizDate, String maxBizDate,
                  Long minDueAt, Long maxDueAt, Collection<InstanceStatus> statuses, Boolean paused, Collection<Long> objectIds) {
    }

    record Page(long total, List<Instance> rows) {
    }

    Page page(Filter filter, long offset, int size) {
        StringBuilder where = new StringBuilder(" where tenant_id = :tenant and project_id = :project");
        List<Object[]> params = new ArrayList<>();
        params.add(new Object[]{"tenant", filter.tenantId()});
        params.add(new Object[]{"project", filter.projectId()});
        if (filter.objectId() != null) add(where, params, " and object_id = :object", "object", filter.objectId());
        if (filter.flowId() != null) add(where, params, " and flow_id = :flow", "flow", filter.flowId());
        if (filter.manual() != null) where.append(filter.manual() ? " and flow_id <> ''" : " and flow_id = ''");
        if (filter.minBizDate() != null) add(where, params, " and biz_date >= :minBiz", "minBiz", filter.minBizDate());
        if (filter.maxBizDate() != null) add(where, params, " and biz_date <= :maxBiz", "maxBiz", filter.maxBizDate());
        if (filter.minDueAt() != null) add(where, params, " and due_at >= :minDue", "minDue", filter.minDueAt());
        if (filter.maxDueAt() != null) add(where, params, " and due_at < :maxDue", "maxDue", filter.maxDueAt());
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            add(where, params, " and status in (:statuses)", "statuses", filter.statuses().stream().map(Enum::name).toList());
        }
        if (filter.paused() != null) add(where, params, " and paused = :paused", "paused", filter.paused());
        if (filter.objectIds() != null) {
            if (filter.objectIds().isEmpty()) return new Page(0, List.of());
            add(where, params, " and object_id in (:objects)", "objects", filter.objectIds());
        }
        var count = jdbc.sql("select count(*) from sched_instance" + where);
        for (Object[] p : params) count = count.param((String) p[0], p[1]);
        long total = count.query(Long.class).single();
        var rows = jdbc.sql("select " + COLUMNS + " from sched_instance" + where + " order by due_at desc, id desc limit :size offset :offset");
        for (Object[] p : params) rows = rows.param((String) p[0], p[1]);
        return new Page(total, rows.param("size", size).param("offset", offset).query(InstanceStore::row).list());
    }

    private static void add(StringBuilder where, List<Object[]> params, String clause, String name, Object value) {
        where.append(clause);
        params.add(new Object[]{name, value});
    }

    private static Instance row(ResultSet rs, int n) throws SQLException {
        return new Instance(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getLong("object_id"),
                rs.getInt("version"), rs.getString("flow_id"), rs.getLong("due_at"), rs.getString("biz_date"),
                InstanceStatus.valueOf(rs.getString("status")), rs.getBoolean("paused"), rs.getBoolean("terminated"), rs.getInt("attempt"),
                rs.getString("run_id"), rs.getString("claimed_by"), rs.getObject("started_at", Long.class),
                rs.getObject("finished_at", Long.class), rs.getString("error_message"), rs.getString("params"));
    }
}
