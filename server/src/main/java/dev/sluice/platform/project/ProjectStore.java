package dev.sluice.platform.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Paging;
import dev.sluice.platform.internal.LikePattern;
import dev.sluice.platform.internal.ListingFilter;
import dev.sluice.platform.internal.OwnerColumnObjects;
import dev.sluice.system.Inserts;

/** The project table. Every read names the tenant, so one tenant's ids never find another's rows. */
@Component
class ProjectStore implements OwnerColumnObjects.Rows {

    record Filter(String keyword, ProjectMode mode, List<String> tags) {
    }

    private final JdbcClient jdbc;

    ProjectStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ProjectDraft d, long now) {
        var insert = jdbc.sql("insert into project (tenant_id, name, display_name, description, mode, project_type, namespace_tag, biz_unit_id, "
                        + "owner_user_id, produce_user_id, compute_source_id, dev_compute_source_id, stream_compute_source_id, created_at, modified_at) "
                        + "values (:tenant, :name, :display, :description, :mode, :type, :tag, :biz, :owner, :produce, :compute, :dev, :stream, :now, :now)")
                .param("tenant", d.tenantId()).param("name", d.name()).param("display", d.displayName())
                .param("description", d.description()).param("mode", d.mode().name()).param("type", d.type())
                .param("tag", d.namespaceTag()).param("biz", d.bizUnitId()).param("owner", d.ownerUserId())
                .param("produce", d.produceUserId()).param("compute", d.computeSourceId()).param("dev", d.devComputeSourceId())
                .param("stream", d.streamComputeSourceId()).param("now", now);
        return Inserts.newId(insert);
    }

    Optional<Project> find(long tenantId, long id) {
        return jdbc.sql("select * from project where tenant_id = :tenant and id = :id").param("tenant", tenantId).param("id", id)
                .query(ProjectStore::project).optional();
    }

    Optional<Project> byName(long tenantId, String name) {
        return jdbc.sql("select * from project where tenant_id = :tenant and name = :name").param("tenant", tenantId).param("name", name)
                .query(ProjectStore::project).optional();
    }

    /** Projects that use the compute source in any environment (at most one, as creation keeps bindings exclusive). */
    List<Project> usingComputeSource(long tenantId, long computeSourceId) {
        return jdbc.sql("select * from project where tenant_id = :tenant and (compute_source_id = :cs or dev_compute_source_id = :cs "
                        + "or stream_compute_source_id = :cs) order by id")
                .param("tenant", tenantId).param("cs", computeSourceId).query(ProjectStore::project).list();
    }

    List<Project> all(long tenantId) {
        return jdbc.sql("select * from project where tenant_id = :tenant order by id").param("tenant", tenantId)
                .query(ProjectStore::project).list();
    }

    @Override
    public List<OwnerColumnObjects.Owned> ownedBy(long tenantId, long userId) {
        return jdbc.sql("select * from project where tenant_id = :tenant and owner_user_id = :user order by id")
                .param("tenant", tenantId).param("user", userId).query(ProjectStore::project).stream()
                .map(p -> new OwnerColumnObjects.Owned(p.id(), p.name())).toList();
    }

    @Override
    public int setOwner(long tenantId, long id, long userId, long now) {
        return jdbc.sql("update project set owner_user_id = :user, modified_at = :now where tenant_id = :tenant and id = :id")
                .param("user", userId).param("now", now).param("tenant", tenantId).param("id", id).update();
    }

    long count(long tenantId, Filter filter) {
        return where(tenantId, filter).count(jdbc, "project");
    }

    List<Project> page(long tenantId, Filter filter, Paging paging) {
        return where(tenantId, filter).page(jdbc, "project", paging, ProjectStore::project);
    }

    private static ListingFilter where(long tenantId, Filter filter) {
        ListingFilter where = ListingFilter.where("tenant_id = ?", tenantId);
        if (filter.keyword() != null && !filter.keyword().isBlank()) {
            String like = LikePattern.contains(filter.keyword());
            where.and("(lower(name) like ?" + LikePattern.ESCAPE + " or lower(display_name) like ?" + LikePattern.ESCAPE + ")", like, like);
        }
        if (filter.mode() != null) where.and("mode = ?", filter.mode().name());
        return where.andIn("namespace_tag", filter.tags());
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("display_name"),
                rs.getString("description"), ProjectMode.valueOf(rs.getString("mode")), rs.getString("project_type"),
                rs.getString("namespace_tag"), rs.getObject("biz_unit_id", Long.class), rs.getLong("owner_user_id"),
                rs.getLong("produce_user_id"), rs.getObject("compute_source_id", Long.class),
                rs.getObject("dev_compute_source_id", Long.class), rs.getObject("stream_compute_source_id", Long.class),
                rs.getLong("created_at"), rs.getLong("modified_at"));
    }
}
