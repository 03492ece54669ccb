package dev.sluice.operations.supplement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.system.Inserts;

/** Jobs, their nodes, dag runs and fixed instances in the database; every lookup by id names the tenant. */
@Repository
class JobStore {

    private static final String JOB = "id, tenant_id, project_id, kind, name, operator_id, parallelism, start_biz_date, end_biz_date,"
            + " min_due_time, max_due_time, root_ref, status, created_at, finished_at";
    private static final String DAGRUN = "id, job_id, biz_date, status, started_at, finished_at";

    record JobNode(long objectId, long projectId, int version, String params) {
    }

    private final JdbcClient jdbc;

    JobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertJob(long tenantId, long projectId, String kind, String name, long operatorId, int parallelism, String start, String end,
                   String minDue, String maxDue, String rootRef, long now) {
        var insert = jdbc.sql("insert into ops_job (tenant_id, project_id, kind, name, operator_id, parallelism, start_biz_date, end_biz_date, min_due_time,"
                        + " max_due_time, root_ref, status, created_at) values (:tenant, :project, :kind, :name, :operator, :parallelism, :start,"
                        + " :end, :minDue, :maxDue, :root,"
                        + " 'RUNNING', :now)")
                .param("tenant", tenantId).param("project", projectId).param("kind", kind).param("name", name).param("operator", operatorId)
                .param("parallelism", parallelism).param("start", start).param("end", end).param("minDue", minDue)
                .param("maxDue", maxDue).param("root", rootRef).param("now", now);
        return Inserts.newId(insert);
    }

    void insertNode(long jobId, long objectId, long projectId, int version, String params) {
        jdbc.sql("insert into ops_job_node (job_id, object_id, project_id, version, params) values (:job, :object, :project, :version, :params)")
                .param("job", jobId).param("object", objectId).param("project", projectId).param("version", version).param("params", params)
                .update();
    }

    void insertDagrun(long jobId, long tenantId, String bizDate) {
        jdbc.sql("insert into ops_dagrun (job_id, tenant_id, biz_date, status) values (:job, :tenant, :biz, 'WAITING')")
                .param("job", jobId).param("tenant", tenantId).param("biz", bizDate).update();
    }

    void insertInstance(long jobId, long instanceId) {
        jdbc.sql("insert into ops_job_instance (job_id, instance_id) values (:job, :instance)").param("job", jobId).param("instance", instanceId)
                .update();
    }

    Optional<Job> find(long tenantId, long id) {
        return jdbc.sql("select " + JOB + " from ops_job where tenant_id = :tenant and id = :id").param("tenant", tenantId).param("id", id)
                .query(JobStore::job).optional();
    }

    /**
     * Up to {@code limit} running jobs no other transaction holds, locked until the caller's transaction ends: each job is
     * advanced by one node at a time.
     */
    List<Job> lockRunning(int limit) {
        return jdbc.sql("select " + JOB + " from ops_job where status = 'RUNNING' order by id limit :limit for update skip locked")
                .param("limit", limit).query(JobStore::job).list();
    }

    void finishJob(long id, String status, long at) {
        jdbc.sql("update ops_job set status = :status, finished_at = :at where id = :id").param("status", status).param("at", at)
                .param("id", id).update();
    }

    List<JobNode> nodes(long jobId) {
        return jdbc.sql("select object_id, project_id, version, params from ops_job_node where job_id = :job order by object_id")
                .param("job", jobId).query((rs, n) -> new JobNode(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4))).list();
    }

    /** The dag runs of a job, by business date. */
    List<Dagrun> dagruns(long jobId) {
        return jdbc.sql("select " + DAGRUN + " from ops_dagrun where job_id = :job order by biz_date").param("job", jobId)
                .query(JobStore::dagrun).list();
    }

    Optional<Dagrun> dagrun(long tenantId, long jobId, long id) {
        return jdbc.sql("select " + DAGRUN + " from ops_dagrun where tenant_id = :tenant and job_id = :job and id = :id")
                .param("tenant", tenantId).param("job", jobId).param("id", id).query(JobStore::dagrun).optional();
    }

    void startDagrun(long id, long at) {
        jdbc.sql("update ops_dagrun set status = 'RUNNING', started_at = :at where id = :id").param("at", at).param("id", id).update();
    }

    void reopenDagrun(long id) {
        jdbc.sql("update ops_dagrun set status = 'RUNNING', finished_at = null where id = :id").param("id", id).update();
    }

    void finishDagrun(long id, String status, long at) {
        jdbc.sql("update ops_dagrun set status = :status, finished_at = :at where id = :id").param("status", status).param("at", at)
                .param("id", id).update();
    }

    List<Long> instances(long jobId) {
        return jdbc.sql("select instance_id from ops_job_instance where job_id = :job order by instance_id").param("job", jobId)
                .query(Long.class).list();
    }

    private static Job job(ResultSet rs, int n) throws SQLException {
        return new Job(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getString("kind"), rs.getString("name"),
                rs.getLong("operator_id"), rs.getInt("parallelism"), rs.getString("start_biz_date"), rs.getString("end_biz_date"),
                rs.getString("min_due_time"), rs.getString("max_due_time"), rs.getString("root_ref"), rs.getString("status"), rs.getLong("created_at"), rs.getObject("finished_at", Long.class));
    }

    private static Dagrun dagrun(ResultSet rs, int n) throws SQLException {
        return new Dagrun(rs.getLong("id"), rs.getLong("job_id"), rs.getString("biz_date"), rs.getString("status"),
                rs.getObject("started_at", Long.class), rs.getObject("finished_at", Long.class));
    }
}
