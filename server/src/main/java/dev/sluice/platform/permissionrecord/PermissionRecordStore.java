package dev.sluice.platform.permissionrecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.platform.PermissionChanged;

/** The SQL of permission records: grants in force (one row per permission type) and the log of every change. */
@Repository
class PermissionRecordStore {

    /** Who may be seen: everything (admins) or only what targets one of the given accounts. */
    record Scope(long tenantId, Collection<String> resourceTypes, String searchText, boolean all, String userId,
                 Collection<String> groupIds) {
    }

    /** One grant row as stored. */
    record GrantRow(long id, String resourceType, String resourceId, String resourceName, Long projectId, String projectName,
                    String env, String targetType, String targetId, String targetName, String permissionType, Long expiresAt) {

        Object[] key() {
            return new Object[] {resourceType, resourceId, env, targetType, targetId};
        }
    }

    record LogRow(long id, String change, String resourceType, String resourceId, String resourceName, Long projectId,
                  String projectName, String env, String targetType, String targetId, String targetName,
                  String permissionTypes, Long expiresAt, long operatorUserId, String reason, long at) {
    }

    private static final String GROUP_KEY = "resource_type, resource_id, env, target_type, target_id";

    private final JdbcClient jdbc;

    PermissionRecordStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void log(PermissionChanged e) {
        jdbc.sql("""
                        insert into permission_log (tenant_id, change_type, resource_type, resource_id, resource_name, project_id,
                        project_name, env, target_type, target_id, target_name, permission_types, expires_at, operator_user_id,
                        reason, changed_at) values (:tenant, :change, :rtype, :rid, :rname, :pid, :pname, :env, :ttype, :tid,
                        :tname, :types, :expires, :operator, :reason, :at)""")
                .param("tenant", e.tenantId()).param("change", e.change().name()).param("rtype", e.resourceType())
                .param("rid", e.resourceId()).param("rname", e.resourceName()).param("pid", e.projectId())
                .param("pname", e.projectName()).param("env", env(e)).param("ttype", e.targetType()).param("tid", e.targetId())
                .param("tname", e.targetName()).param("types", String.join(",", e.permissionTypes()))
                .param("expires", e.expiresAt() == null ? null : e.expiresAt().toEpochMilli())
                .param("operator", e.operatorUserId()).param("reason", e.reason()).param("at", e.at().toEpochMilli())
                .update();
    }

    /** A grant of a type the target holds already replaces it (its expiry may differ). */
    void grant(PermissionChanged e) {
        revoke(e);
        for (String type : e.permissionTypes()) {
            jdbc.sql("""
                            insert into permission_grant (tenant_id, resource_type, resource_id, resource_name, project_id,
                            project_name, env, target_type, target_id, target_name, permission_type, expires_at, granted_by,
                            granted_at) values (:tenant, :rtype, :rid, :rname, :pid, :pname, :env, :ttype, :tid, :tname, :ptype,
                            :expires, :operator, :at)""")
                    .param("tenant", e.tenantId()).param("rtype", e.resourceType()).param("rid", e.resourceId())
                    .param("rname", e.resourceName()).param("pid", e.projectId()).param("pname", e.projectName())
                    .param("env", env(e)).param("ttype", e.targetType()).param("tid", e.targetId())
                    .param("tname", e.targetName()).param("ptype", type)
                    .param("expires", e.expiresAt() == null ? null : e.expiresAt().toEpochMilli())
                    .param("operator", e.operatorUserId()).param("at", e.at().toEpochMilli())
                    .update();
        }
    }

    void revoke(PermissionChanged e) {
        if (e.permissionTypes().isEmpty()) return;
        jdbc.sql("""
                        delete from permission_grant where tenant_id = :tenant and resource_type = :rtype and resource_id = :rid
                        and env = :env and target_type = :ttype and target_id = :tid and permission_type in (:types)""")
                .param("tenant", e.tenantId()).param("rtype", e.resourceType()).param("rid", e.resourceId())
                .param("env", env(e)).param("ttype", e.targetType()).param("tid", e.targetId())
                .param("types", e.permissionTypes())
                .update();
    }

    long countGrantGroups(Scope scope) {
        return jdbc.sql("select count(*) from (select " + GROUP_KEY + " from permission_grant where " + where(scope, false)
                        + " group by " + GROUP_KEY + ") g")
                .params(params(scope)).query(Long.class).single();
    }

    /** One page of (resource, target) pairs, oldest first, with all their permission types. */
    List<List<GrantRow>> grantGroups(Scope scope, long offset, int limit) {
        List<Object[]> keys = jdbc.sql("select " + GROUP_KEY + ", min(id) as first_id from permission_grant where "
                        + where(scope, false) + " group by " + GROUP_KEY + " order by first_id limit :limit offset :offset")
                .params(params(scope)).param("limit", limit).param("offset", offset)
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)})
                .list();
        if (keys.isEmpty()) return List.of();
        List<GrantRow> rows = jdbc.sql("select * from permission_grant where tenant_id = :tenant and (" + GROUP_KEY
                        + ") in (:keys) order by id")
                .param("tenant", scope.tenantId()).param("keys", keys).query(PermissionRecordStore::grantRow).list();
        List<List<GrantRow>> groups = new ArrayList<>();
        for (Object[] key : keys) {
            groups.add(rows.stream().filter(row -> Arrays.equals(row.key(), key)).toList());
        }
        return groups;
    }

    long countLog(Scope scope) {
        return jdbc.sql("select count(*) from permission_log where " + where(scope, true)).params(params(scope))
                .query(Long.class).single();
    }

    /** One page of the log, newest first. */
    List<LogRow> log(Scope scope, long offset, int limit) {
        return jdbc.sql("select * from permission_log where " + where(scope, true) + " order by id desc limit :limit offset :offset")
                .params(params(scope)).param("limit", limit).param("offset", offset)
                .query(PermissionRecordStore::logRow).list();
    }

    private static String where(Scope scope, boolean operatorSees) {
        StringBuilder sql = new StringBuilder("tenant_id = :tenant and resource_type in (:types)");
        if (scope.searchText() != null) {
            // A row-level permission's name is for those who manage them; nobody else may find records by it either.
            String names = scope.all() ? "lower(resource_name) like :search"
                    : "(resource_type <> '" + RecordViews.ROW_PERMISSION + "' and lower(resource_name) like :search)";
            sql.append(" and (" + names + " or lower(resource_id) like :search or lower(target_name) like :search)");
        }
        if (!scope.all()) {
            sql.append(" and ((target_type = 'USER' and target_id = :me)");
            if (!scope.groupIds().isEmpty()) sql.append(" or (target_type = 'USER_GROUP' and target_id in (:groups))");
            if (operatorSees) sql.append(" or operator_user_id = :meNumber");
            sql.append(")");
        }
        return sql.toString();
    }

    private static Map<String, Object> params(Scope scope) {
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", scope.tenantId());
        params.put("types", scope.resourceTypes());
        if (scope.searchText() != null) params.put("search", "%" + scope.searchText().toLowerCase(Locale.ROOT) + "%");
        if (!scope.all()) {
            params.put("me", scope.userId());
            params.put("meNumber", Long.parseLong(scope.userId()));
            if (!scope.groupIds().isEmpty()) params.put("groups", scope.groupIds());
        }
        return params;
    }

    private static String env(PermissionChanged e) {
        return e.env() == null ? "" : e.env();
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static GrantRow grantRow(ResultSet rs, int row) throws SQLException {
        return new GrantRow(rs.getLong("id"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getString("resource_name"), nullableLong(rs, "project_id"), rs.getString("project_name"), rs.getString("env"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_name"),
                rs.getString("permission_type"), nullableLong(rs, "expires_at"));
    }

    private static LogRow logRow(ResultSet rs, int row) throws SQLException {
        return new LogRow(rs.getLong("id"), rs.getString("change_type"), rs.getString("resource_type"), rs.getString("resource_id"),
                rs.getString("resource_name"), nullableLong(rs, "project_id"), rs.getString("project_name"), rs.getString("env"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("target_name"),
                rs.getString("permission_types"), nullableLong(rs, "expires_at"), rs.getLong("operator_user_id"),
                rs.getString("reason"), rs.getLong("changed_at"));
    }
}
