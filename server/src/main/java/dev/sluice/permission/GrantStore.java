package dev.sluice.permission;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of data permission grants. Every read names the tenant; expired rows simply stop matching. */
@Repository
class GrantStore {

    private final JdbcClient jdbc;

    GrantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Grants the rights, replacing the end of any the user held already. */
    void grant(long tenantId, Resource r, long userId, Collection<TableRight> rights, long expiresAt, long grantedBy, long now) {
        revoke(tenantId, r, userId, rights);
        for (TableRight right : rights) {
            jdbc.sql("""
                            insert into data_permission_grant (tenant_id, resource_type, source_kind, source_id, schema_name, table_name,
                            column_name, user_id, operation, expires_at, granted_by, granted_at) values (:tenant, :type, :kind, :source,
                            :schema, :table, :column, :user, :operation, :expires, :by, :now)""")
                    .param("tenant", tenantId).param("type", r.type().name()).param("kind", r.source().kind().name())
                    .param("source", r.source().id()).param("schema", r.schema()).param("table", r.table()).param("column", r.column())
                    .param("user", userId).param("operation", right.name()).param("expires", expiresAt).param("by", grantedBy)
                    .param("now", now).update();
        }
    }

    void revoke(long tenantId, Resource r, long userId, Collection<TableRight> rights) {
        jdbc.sql("""
                        delete from data_permission_grant where tenant_id = :tenant and resource_type = :type and source_kind = :kind
                        and source_id = :source and schema_name = :schema and table_name = :table and column_name = :column
                        and user_id = :user and operation in (:operations)""")
                .param("tenant", tenantId).param("type", r.type().name()).param("kind", r.source().kind().name())
                .param("source", r.source().id()).param("schema", r.schema()).param("table", r.table()).param("column", r.column())
                .param("user", userId).param("operations", rights.stream().map(Enum::name).toList()).update();
    }

    /**
     * The rights in force at {@code now} on the resource: granted on it, on its source as a whole, and for a field on
     * its table too (a table grant covers each of its fields; a field grant does not open the table).
     */
    Set<TableRight> inForce(long tenantId, long userId, Resource r, long now) {
        String scope = switch (r.type()) {
            case DATASOURCE -> "resource_type = 'DATASOURCE'";
            case PHYSICAL_TABLE -> "resource_type = 'DATASOURCE' or (resource_type = 'PHYSICAL_TABLE' and schema_name = :schema"
                    + " and table_name = :table)";
            case PHYSICAL_FIELD -> "resource_type = 'DATASOURCE' or (resource_type = 'PHYSICAL_TABLE' and schema_name = :schema"
                    + " and table_name = :table) or (resource_type = 'PHYSICAL_FIELD' and schema_name = :schema"
                    + " and table_name = :table and column_name = :column)";
        };
        var sql = jdbc.sql("select operation from data_permission_grant where tenant_id = :tenant and user_id = :user"
                        + " and source_kind = :kind and source_id = :source and expires_at > :now and (" + scope + ")")
                .param("tenant", tenantId).param("user", userId).param("kind", r.source().kind().name())
                .param("source", r.source().id()).param("now", now);
        if (r.type() != ResourceType.DATASOURCE) sql = sql.param("schema", r.schema()).param("table", r.table());
        if (r.type() == ResourceType.PHYSICAL_FIELD) sql = sql.param("column", r.column());
        Set<TableRight> rights = EnumSet.noneOf(TableRight.class);
        sql.query(String.class).list().forEach(op -> rights.add(TableRight.valueOf(op)));
        return rights;
    }
}
