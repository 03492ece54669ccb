package dev.sluice.develop.version;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.system.Inserts;

/** The SQL of versioned objects. Every query of an object by id names its tenant, so no tenant reaches another's. */
@Repository
class VersionStore {

    private static final String OBJECT = "id, tenant_id, project_id, kind, subtype, name, owner_id, draft, latest_version, "
            + "prod_version, created_by, created_at, modified_by, modified_at";
    private static final String SUBMIT = "id, tenant_id, project_id, object_id, kind, subtype, object_name, version, change_type, "
            + "comment, submitter, submitted_at, status, modified_at";
    private static final String PUBLISH = "id, tenant_id, project_id, submit_id, object_id, kind, subtype, object_name, version, "
            + "change_type, comment, submitter, publisher, published_at, status, error_message";

    private static final String OBJECTS = "select " + OBJECT + " from dev_object";
    private static final String SUBMITS = "select " + SUBMIT + " from dev_submit";

    private final JdbcClient jdbc;

    VersionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertObject(DevObject o) {
        jdbc.sql("insert into dev_object (" + OBJECT + ") values (:id, :tenant, :project, :kind, :subtype, :name, :owner, :draft, 0, null,"
                        + " :by, :at, :by, :at)")
                .param("id", o.id()).param("tenant", o.tenantId()).param("project", o.projectId()).param("kind", o.kind())
                .param("subtype", o.subtype()).param("name", o.name()).param("owner", o.ownerId()).param("draft", o.draft())
                .param("by", o.createdBy()).param("at", o.createdAt()).update();
    }

    Optional<DevObject> find(long tenantId, long id) {
        return select(OBJECTS, VersionStore::object, tenantId, "id = :value", id).optional();
    }

    /** The object, its row locked until the caller's transaction ends (submits and publishes of one object queue). */
    Optional<DevObject> lock(long tenantId, long id) {
        return select(OBJECTS, VersionStore::object, tenantId, "id = :value for update", id).optional();
    }

    List<DevObject> ofKind(long tenantId, String kind) {
        return select(OBJECTS, VersionStore::object, tenantId, "kind = :value order by id", kind).list();
    }

    List<DevObject> ofProject(long tenantId, long projectId) {
        return select(OBJECTS, VersionStore::object, tenantId, "project_id = :value order by id", projectId).list();
    }

    List<DevObject> ownedBy(long tenantId, long ownerId) {
        return select(OBJECTS, VersionStore::object, tenantId, "owner_id = :value order by id", ownerId).list();
    }

    /**
     * The tenant's rows of {@code from} (a select of one table) that meet {@code condition}, a fixed SQL text whose one
     * bound value is {@code :value}.
     */
    private <T> JdbcClient.MappedQuerySpec<T> select(String from, RowMapper<T> mapper, long tenantId, String condition, Object value) {
        return jdbc.sql(from + " where tenant_id = :tenant and " + condition).param("tenant", tenantId).param("value", value).query(mapper);
    }

    void updateDraft(long id, String name, String subtype, String draft, long by, long at) {
        jdbc.sql("update dev_object set name = :name, subtype = :subtype, draft = :draft, modified_by = :by, modified_at = :at where id = :id")
                .param("name", name).param("subtype", subtype).param("draft", draft).param("by", by).param("at", at).param("id", id).update();
    }

    void setOwner(long tenantId, long id, long owner) {
        jdbc.sql("update dev_object set owner_id = :owner where tenant_id = :tenant and id = :id")
                .param("owner", owner).param("tenant", tenantId).param("id", id).update();
    }

    void setLatestVersion(long id, int version) {
        jdbc.sql("update dev_object set latest_version = :v where id = :id").param("v", version).param("id", id).update();
    }

    void setProdVersion(long id, Integer version) {
        jdbc.sql("update dev_object set prod_version = :v where id = :id").param("v", version).param("id", id).update();
    }

    void deleteObject(long id) {
        jdbc.sql("update dev_submit set status = 'SUPERSEDED' where object_id = :id and status = 'TO_BE_PUBLISHED'").param("id", id).update();
        jdbc.sql("delete from dev_object_version where object_id = :id").param("id", id).update();
        jdbc.sql("delete from dev_object where id = :id").param("id", id).update();
    }

    void insertVersion(ObjectVersion v) {
        jdbc.sql("insert into dev_object_version (object_id, version, payload, change_type, comment, submitted_by, submitted_at)"
                        + " values (:object, :version, :payload, :change, :comment, :by, :at)")
                .param("object", v.objectId()).param("version", v.version()).param("payload", v.payload())
                .param("change", v.changeType().name()).param("comment", v.comment()).param("by", v.submittedBy())
                .param("at", v.submittedAt()).update();
    }

    Optional<ObjectVersion> version(long objectId, int version) {
        return jdbc.sql("select object_id, version, payload, change_type, comment, submitted_by, submitted_at from dev_object_version"
                        + " where object_id = :object and version = :version")
                .param("object", objectId).param("version", version).query(VersionStore::version).optional();
    }

    List<ObjectVersion> versions(long objectId) {
        return jdbc.sql("select object_id, version, payload, change_type, comment, submitted_by, submitted_at from dev_object_version"
                        + " where object_id = :object order by version")
                .param("object", objectId).query(VersionStore::version).list();
    }

    long insertSubmit(SubmitRecord s) {
        var insert = jdbc.sql("insert into dev_submit (tenant_id, project_id, object_id, kind, subtype, object_name, version, change_type, comment,"
                        + " submitter, submitted_at, status, modified_at) values (:tenant, :project, :object, :kind, :subtype, :name,"
                        + " :version, :change, :comment, :submitter, :at, :status, :at)")
                .param("tenant", s.tenantId()).param("project", s.projectId()).param("object", s.objectId()).param("kind", s.kind())
                .param("subtype", s.subtype()).param("name", s.objectName()).param("version", s.version())
                .param("change", s.changeType().name()).param("comment", s.comment()).param("submitter", s.submitter())
                .param("at", s.submittedAt()).param("status", s.status().name());
        return Inserts.newId(insert);
    }

    /** Marks the object's waiting submits (other than {@code keep}) superseded. */
    void supersede(long objectId, long keep, long at) {
        jdbc.sql("update dev_submit set status = 'SUPERSEDED', modified_at = :at where object_id = :object and status = 'TO_BE_PUBLISHED'"
                        + " and id <> :keep")
                .param("at", at).param("object", objectId).param("keep", keep).update();
    }

    void setSubmitStatus(long id, SubmitStatus status, long at) {
        jdbc.sql("update dev_submit set status = :status, modified_at = :at where id = :id")
                .param("status", status.name()).param("at", at).param("id", id).update();
    }

    Optional<SubmitRecord> submit(long tenantId, long id) {
        return select(SUBMITS, VersionStore::submit, tenantId, "id = :value", id).optional();
    }

    /** The tenant's submits in the projects, newest first; {@code waitingOnly} keeps those waiting for publishing. */
    List<SubmitRecord> submits(long tenantId, Collection<Long> projectIds, boolean waitingOnly) {
        if (projectIds.isEmpty()) return List.of();
        return jdbc.sql("select " + SUBMIT + " from dev_submit where tenant_id = :tenant and project_id in (:projects)"
                        + (waitingOnly ? " and status = 'TO_BE_PUBLISHED'" : "") + " order by id desc")
                .param("tenant", tenantId).param("projects", projectIds).query(VersionStore::submit).list();
    }

    /** The tenant's waiting submits of one kind, over every project. */
    List<SubmitRecord> waiting(long tenantId, String kind) {
        return select(SUBMITS, VersionStore::submit, tenantId, "kind = :value and status = 'TO_BE_PUBLISHED' order by id", kind).list();
    }

    Optional<SubmitRecord> latestSubmit(long tenantId, long objectId) {
        return select(SUBMITS, VersionStore::submit, tenantId, "object_id = :value order by id desc fetch first 1 rows only", objectId)
                .optional();
    }

    long insertPublish(PublishRecord p) {
        var insert = jdbc.sql("insert into dev_publish (tenant_id, project_id, submit_id, object_id, kind, subtype, object_name, version, change_type,"
                        + " comment, submitter, publisher, published_at, status, error_message) values (:tenant, :project, :submit, :object,"
                        + " :kind, :subtype, :name, :version, :change, :comment, :submitter, :publisher, :at, :status, :error)")
                .param("tenant", p.tenantId()).param("project", p.projectId()).param("submit", p.submitId()).param("object", p.objectId())
                .param("kind", p.kind()).param("subtype", p.subtype()).param("name", p.objectName()).param("version", p.version())
                .param("change", p.changeType().name()).param("comment", p.comment()).param("submitter", p.submitter())
                .param("publisher", p.publisher()).param("at", p.publishedAt()).param("status", p.statusCode())
                .param("error", p.errorMessage());
        return Inserts.newId(insert);
    }

    List<PublishRecord> publishes(long tenantId, Collection<Long> projectIds) {
        if (projectIds.isEmpty()) return List.of();
        return jdbc.sql("select " + PUBLISH + " from dev_publish where tenant_id = :tenant and project_id in (:projects) order by id desc")
                .param("tenant", tenantId).param("projects", projectIds).query(VersionStore::publish).list();
    }

    private static DevObject object(ResultSet rs, int n) throws SQLException {
        int stored = rs.getInt("prod_version");
        Integer prod = rs.wasNull() ? null : stored;
        return new DevObject(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getString("kind"),
                rs.getString("subtype"), rs.getString("name"), rs.getLong("owner_id"), rs.getString("draft"),
                rs.getInt("latest_version"), prod, rs.getLong("created_by"), rs.getLong("created_at"),
                rs.getLong("modified_by"), rs.getLong("modified_at"));
    }

    private static ObjectVersion version(ResultSet rs, int n) throws SQLException {
        return new ObjectVersion(rs.getLong("object_id"), rs.getInt("version"), rs.getString("payload"),
                ChangeType.valueOf(rs.getString("change_type")), rs.getString("comment"), rs.getLong("submitted_by"),
                rs.getLong("submitted_at"));
    }

    private static SubmitRecord submit(ResultSet rs, int n) throws SQLException {
        return new SubmitRecord(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getLong("object_id"),
                rs.getString("kind"), rs.getString("subtype"), rs.getString("object_name"), rs.getInt("version"),
                ChangeType.valueOf(rs.getString("change_type")), rs.getString("comment"), rs.getLong("submitter"),
                rs.getLong("submitted_at"), SubmitStatus.valueOf(rs.getString("status")), rs.getLong("modified_at"));
    }

    private static PublishRecord publish(ResultSet rs, int n) throws SQLException {
        return new PublishRecord(rs.getLong("id"), rs.getLong("tenant_id"), rs.getLong("project_id"), rs.getLong("submit_id"),
                rs.getLong("object_id"), rs.getString("kind"), rs.getString("subtype"), rs.getString("object_name"),
                rs.getInt("version"), ChangeType.valueOf(rs.getString("change_type")), rs.getString("comment"),
                rs.getLong("submitter"), rs.getLong("publisher"), rs.getLong("published_at"), rs.getInt("status") == 1,
                rs.getString("error_message"));
    }
}
