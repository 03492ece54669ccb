package dev.sluice.platform.compute;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.platform.internal.OwnerColumnObjects;
import dev.sluice.platform.internal.SavedSource;
import dev.sluice.system.Inserts;

/** The compute source table; every read names the tenant. */
@Component
class ComputeSourceStore implements SavedSource.Rows<ComputeSource>, OwnerColumnObjects.Rows {

    private final JdbcClient jdbc;

    ComputeSourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, String name, String type, String description, long userId, long now) {
        return insert(tenantId, name, type, description, userId, now, false);
    }

    long insert(long tenantId, String name, String type, String description, long userId, long now, boolean managed) {
        var insert = jdbc.sql("insert into compute_source (tenant_id, name, source_type, description, creator_user_id, owner_user_id, created_at, modified_at, managed) "
                        + "values (:tenant, :name, :type, :description, :user, :user, :now, :now, :managed)")
                .param("tenant", tenantId).param("name", name).param("type", type).param("description", description)
                .param("user", userId).param("now", now).param("managed", managed);
        return Inserts.newId(insert);
    }

    void update(long tenantId, long id, String name, String description, long now) {
        jdbc.sql("update compute_source set name = ?, description = ?, modified_at = ? where tenant_id = ? and id = ?")
                .params(name, description, now, tenantId, id).update();
    }

    @Override
    public int setOwner(long tenantId, long id, long userId, long now) {
        return jdbc.sql("update compute_source set owner_user_id = ?, modified_at = ? where tenant_id = ? and id = ?")
                .params(userId, now, tenantId, id).update();
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from compute_source where tenant_id = ? and id = ?").params(tenantId, id).update();
    }

    @Override
    public Optional<ComputeSource> find(long tenantId, long id) {
        return jdbc.sql("select * from compute_source where tenant_id = ? and id = ?").params(tenantId, id)
                .query(ComputeSourceStore::row).optional();
    }

    @Override
    public Optional<ComputeSource> byName(long tenantId, String name) {
        return jdbc.sql("select * from compute_source where tenant_id = ? and name = ?").params(tenantId, name)
                .query(ComputeSourceStore::row).optional();
    }

    /** All of a tenant's compute sources by id; tenants have few, so listings filter and page them in memory. */
    List<ComputeSource> all(long tenantId) {
        return jdbc.sql("select * from compute_source where tenant_id = ? order by id").params(tenantId).query(ComputeSourceStore::row).list();
    }

    Optional<ComputeSource> managed(long tenantId) {
        return jdbc.sql("select * from compute_source where tenant_id = ? and managed = ? order by id").params(tenantId, true)
                .query(ComputeSourceStore::row).stream().findFirst();
    }

    @Override
    public List<OwnerColumnObjects.Owned> ownedBy(long tenantId, long userId) {
        return jdbc.sql("select * from compute_source where tenant_id = ? and owner_user_id = ? order by id").params(tenantId, userId)
                .query(ComputeSourceStore::row).stream().map(c -> new OwnerColumnObjects.Owned(c.id(), c.name())).toList();
    }

    private static ComputeSource row(ResultSet rs, int n) throws SQLException {
        return new ComputeSource(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("source_type"),
                rs.getString("description"), rs.getLong("creator_user_id"), rs.getLong("owner_user_id"), rs.getLong("created_at"),
                rs.getLong("modified_at"), rs.getBoolean("managed"));
    }
}
