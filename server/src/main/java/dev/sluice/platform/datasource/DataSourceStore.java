package dev.sluice.platform.datasource;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Paging;
import dev.sluice.platform.internal.LikePattern;
import dev.sluice.platform.internal.ListingFilter;
import dev.sluice.platform.internal.OwnerColumnObjects;
import dev.sluice.platform.internal.SavedSource;
import dev.sluice.system.Inserts;

/** The data source table; every read names the tenant. Listings page over production sources. */
@Component
class DataSourceStore implements SavedSource.Rows<DataSource>, OwnerColumnObjects.Rows {

    record Filter(String name, List<Long> owners, List<String> types, String tag) {
    }

    private final JdbcClient jdbc;

    DataSourceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, String env, Long prodId, String name, String type, String description, long userId, long now) {
        var insert = jdbc.sql("insert into data_source (tenant_id, env, prod_id, name, source_type, description, scope, creator_user_id, owner_user_id, "
                        + "created_at, modified_at) values (:tenant, :env, :prod, :name, :type, :description, 'ALL', :user, :user, :now, :now)")
                .param("tenant", tenantId).param("env", env).param("prod", prodId).param("name", name).param("type", type)
                .param("description", description).param("user", userId).param("now", now);
        return Inserts.newId(insert);
    }

    @Override
    public Optional<DataSource> find(long tenantId, long id) {
        return jdbc.sql("select * from data_source where tenant_id = ? and id = ?").params(tenantId, id).query(DataSourceStore::row).optional();
    }

    @Override
    public Optional<DataSource> byName(long tenantId, String name) {
        return jdbc.sql("select * from data_source where tenant_id = ? and name = ?").params(tenantId, name).query(DataSourceStore::row).optional();
    }

    Optional<DataSource> devOf(long tenantId, long prodId) {
        return jdbc.sql("select * from data_source where tenant_id = ? and prod_id = ?").params(tenantId, prodId).query(DataSourceStore::row).optional();
    }

    List<DataSource> devsOf(long tenantId, List<Long> prodIds) {
        if (prodIds.isEmpty()) return List.of();
        List<Object> args = new ArrayList<>(List.of(tenantId));
        args.addAll(prodIds);
        return jdbc.sql("select * from data_source where tenant_id = ? and prod_id in (" + marks(prodIds.size()) + ")").params(args)
                .query(DataSourceStore::row).list();
    }

    void updateBasics(long tenantId, long id, String name, String description, long now) {
        jdbc.sql("update data_source set name = ?, description = ?, modified_at = ? where tenant_id = ? and id = ?")
                .params(name, description, now, tenantId, id).update();
    }

    void touch(long tenantId, long id, long now) {
        jdbc.sql("update data_source set modified_at = ? where tenant_id = ? and id = ?").params(now, tenantId, id).update();
    }

    @Override
    public int setOwner(long tenantId, long id, long userId, long now) {
        return jdbc.sql("update data_source set owner_user_id = ?, modified_at = ? where tenant_id = ? and id = ?")
                .params(userId, now, tenantId, id).update();
    }

    void delete(long tenantId, long id) {
        jdbc.sql("delete from data_source where tenant_id = ? and id = ?").params(tenantId, id).update();
    }

    @Override
    public List<OwnerColumnObjects.Owned> ownedBy(long tenantId, long userId) {
        return jdbc.sql("select * from data_source where tenant_id = ? and owner_user_id = ? order by id").params(tenantId, userId)
                .query(DataSourceStore::row).stream().map(d -> new OwnerColumnObjects.Owned(d.id(), d.name())).toList();
    }

    long countProd(long tenantId, Filter filter) {
        return where(tenantId, filter).count(jdbc, "data_source");
    }

    List<DataSource> pageProd(long tenantId, Filter filter, Paging paging) {
        return where(tenantId, filter).page(jdbc, "data_source", paging, DataSourceStore::row);
    }

    private static ListingFilter where(long tenantId, Filter f) {
        ListingFilter where = ListingFilter.where("tenant_id = ? and env = 'PROD'", tenantId);
        if (f.name() != null && !f.name().isBlank()) where.and("lower(name) like ?" + LikePattern.ESCAPE, LikePattern.contains(f.name()));
        where.andIn("owner_user_id", f.owners()).andIn("source_type", f.types());
        if (f.tag() != null && !f.tag().isBlank()) where.and("tag = ?", f.tag().trim());
        return where;
    }

    private static String marks(int n) {
        return String.join(", ", java.util.Collections.nCopies(n, "?"));
    }

    private static DataSource row(ResultSet rs, int n) throws SQLException {
        return new DataSource(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("env"), rs.getObject("prod_id", Long.class),
                rs.getString("name"), rs.getString("source_type"), rs.getString("description"), rs.getString("scope"), rs.getString("tag"),
                rs.getLong("creator_user_id"), rs.getLong("owner_user_id"), rs.getLong("created_at"), rs.getLong("modified_at"));
    }
}
