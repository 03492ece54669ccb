package dev.sluice.platform.rowpermission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.platform.rowpermission.Definition.Binding;
import dev.sluice.platform.rowpermission.Definition.CheckedRule;
import dev.sluice.platform.rowpermission.RowPermissionCommand.MappingColumn;
import dev.sluice.platform.rowpermission.RowPermissionCommand.TableMapping;
import dev.sluice.system.Inserts;

/** The SQL of row-level permissions. Every read names the tenant, directly or through the permission's id. */
@Repository
class RowPermissionStore {

    record Header(long id, long tenantId, String name, String description, long createdBy, long modifiedBy, long createdAt,
                  long modifiedAt) {
    }

    record StoredRule(long id, long permissionId, String name, String scopeType, int status, String expressionsJson,
                      String filterSql) {
    }

    private final JdbcClient jdbc;

    RowPermissionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, Definition d, long userId, long now) {
        long id = Inserts.newId(jdbc.sql("""
                        insert into row_permission (tenant_id, name, description, created_by, modified_by, created_at, modified_at)
                        values (:tenant, :name, :description, :user, :user, :now, :now)""")
                .param("tenant", tenantId).param("name", d.name()).param("description", d.description())
                .param("user", userId).param("now", now));
        writeParts(id, d, Map.of());
        return id;
    }

    /** Replaces the definition; a rule keeps its id when a rule of the same name existed. */
    void update(long id, Definition d, long userId, long now) {
        jdbc.sql("update row_permission set name = :name, description = :description, modified_by = :user, modified_at = :now where id = :id")
                .param("name", d.name()).param("description", d.description()).param("user", userId).param("now", now)
                .param("id", id).update();
        Map<String, Long> ruleIds = new HashMap<>();
        rules(List.of(id)).forEach(rule -> ruleIds.put(rule.name(), rule.id()));
        deleteParts(id);
        writeParts(id, d, ruleIds);
    }

    void delete(long id) {
        deleteParts(id);
        jdbc.sql("delete from row_permission where id = :id").param("id", id).update();
    }

    Optional<Header> find(long tenantId, long id) {
        return jdbc.sql("select * from row_permission where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(RowPermissionStore::header).optional();
    }

    boolean nameTaken(long tenantId, String name, long exceptId) {
        return jdbc.sql("select count(*) from row_permission where tenant_id = :tenant and name = :name and id <> :id")
                .param("tenant", tenantId).param("name", name).param("id", exceptId).query(Long.class).single() > 0;
    }

    long count(long tenantId, String keyword) {
        return jdbc.sql("select count(*) from row_permission where tenant_id = :tenant" + keywordClause(keyword))
                .param("tenant", tenantId).params(keywordParam(keyword)).query(Long.class).single();
    }

    List<Header> page(long tenantId, String keyword, long offset, int limit) {
        return jdbc.sql("select * from row_permission where tenant_id = :tenant" + keywordClause(keyword)
                        + " order by id limit :limit offset :offset")
                .param("tenant", tenantId).params(keywordParam(keyword)).param("limit", limit).param("offset", offset)
                .query(RowPermissionStore::header).list();
    }

    List<Header> headers(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from row_permission where tenant_id = :tenant and id in (:ids) order by id")
                .param("tenant", tenantId).param("ids", ids).query(RowPermissionStore::header).list();
    }

    /** Permissions of the tenant that map onto any of the tables. */
    List<Header> byTables(long tenantId, Collection<String> guids) {
        return jdbc.sql("""
                        select * from row_permission p where tenant_id = :tenant and exists (select 1 from row_permission_table t
                        where t.row_permission_id = p.id and t.resource_id in (:guids)) order by id""")
                .param("tenant", tenantId).param("guids", guids).query(RowPermissionStore::header).list();
    }

    /** Ids of the tenant's rules bound to any of the accounts, as (type, id) pairs. */
    List<Long> ruleIdsBoundTo(long tenantId, String userId, Collection<String> groupIds) {
        String groups = groupIds.isEmpty() ? "" : " or (a.account_type = 'USER_GROUP' and a.account_id in (:groups))";
        var sql = jdbc.sql("""
                        select distinct r.id from row_permission_rule r join row_permission p on p.id = r.row_permission_id
                        join row_permission_account a on a.rule_id = r.id where p.tenant_id = :tenant
                        and ((a.account_type = 'PERSONAL' and a.account_id = :user)""" + groups + ") order by r.id")
                .param("tenant", tenantId).param("user", userId);
        if (!groupIds.isEmpty()) sql = sql.param("groups", groupIds);
        return sql.query(Long.class).list();
    }

    List<Long> permissionIdsOfRules(Collection<Long> ruleIds) {
        if (ruleIds.isEmpty()) return List.of();
        return jdbc.sql("select distinct row_permission_id from row_permission_rule where id in (:ids) order by row_permission_id")
                .param("ids", ruleIds).query(Long.class).list();
    }

    List<MappingColumn> columns(long id) {
        return jdbc.sql("select * from row_permission_column where row_permission_id = :id order by seq").param("id", id)
                .query((rs, i) -> new MappingColumn(rs.getString("column_desc"), rs.getString("column_name"), rs.getString("column_type")))
                .list();
    }

    List<TableMapping> tables(long id) {
        return jdbc.sql("select * from row_permission_table where row_permission_id = :id order by seq").param("id", id)
                .query((rs, i) -> new TableMapping(rs.getString("column_name"), rs.getString("mapping_column_name"),
                        rs.getString("resource_id")))
                .list();
    }

    List<StoredRule> rules(Collection<Long> permissionIds) {
        if (permissionIds.isEmpty()) return List.of();
        return jdbc.sql("select * from row_permission_rule where row_permission_id in (:ids) order by row_permission_id, seq")
                .param("ids", permissionIds)
                .query((rs, i) -> new StoredRule(rs.getLong("id"), rs.getLong("row_permission_id"), rs.getString("name"),
                        rs.getString("scope_type"), rs.getInt("status"), rs.getString("expressions"), rs.getString("filter_sql")))
                .list();
    }

    /** Bound accounts by rule id, as (type, id) pairs in binding order. */
    Map<Long, List<String[]>> accounts(Collection<Long> ruleIds) {
        Map<Long, List<String[]>> byRule = new LinkedHashMap<>();
        if (ruleIds.isEmpty()) return byRule;
        jdbc.sql("select * from row_permission_account where rule_id in (:ids) order by rule_id, account_type, account_id")
                .param("ids", ruleIds)
                .query(rs -> {
                    byRule.computeIfAbsent(rs.getLong("rule_id"), id -> new ArrayList<>())
                            .add(new String[] {rs.getString("account_type"), rs.getString("account_id")});
                });
        return byRule;
    }

    /** Unbinds a deleted group from every rule of its tenant. */
    void unbindGroup(long tenantId, long groupId) {
        jdbc.sql("""
                        delete from row_permission_account where account_type = 'USER_GROUP' and account_id = :group
                        and rule_id in (select r.id from row_permission_rule r join row_permission p on p.id = r.row_permission_id
                        where p.tenant_id = :tenant)""")
                .param("group", String.valueOf(groupId)).param("tenant", tenantId).update();
    }

    private void writeParts(long id, Definition d, Map<String, Long> previousRuleIds) {
        insertInOrder(id, d.columns(), """
                insert into row_permission_column (row_permission_id, seq, column_name, column_type, column_desc)
                values (:id, :seq, :name, :type, :desc)""",
                (insert, c) -> insert.param("name", c.columnName()).param("type", c.columnType()).param("desc", c.columnDesc()));
        insertInOrder(id, d.tables(), """
                insert into row_permission_table (row_permission_id, seq, resource_id, column_name, mapping_column_name)
                values (:id, :seq, :resource, :column, :mapping)""",
                (insert, t) -> insert.param("resource", t.resourceId()).param("column", t.columnName()).param("mapping", t.mappingColumnName()));
        for (int i = 0; i < d.rules().size(); i++) {
            CheckedRule rule = d.rules().get(i);
            long ruleId = insertRule(id, i, rule, previousRuleIds.get(rule.name()));
            for (Binding b : rule.accounts()) {
                jdbc.sql("insert into row_permission_account (rule_id, account_type, account_id) values (:rule, :type, :account)")
                        .param("rule", ruleId).param("type", b.accountType()).param("account", b.accountId()).update();
            }
        }
    }

    /** One row per part of a row permission ({@code :id}), {@code :seq} keeping the order the definition gave. */
    private <T> void insertInOrder(long id, List<T> parts, String sql, BiFunction<JdbcClient.StatementSpec, T, JdbcClient.StatementSpec> values) {
        for (int i = 0; i < parts.size(); i++) values.apply(jdbc.sql(sql).param("id", id).param("seq", i), parts.get(i)).update();
    }

    private long insertRule(long permissionId, int seq, CheckedRule rule, Long keepId) {
        String columns = "row_permission_id, seq, name, scope_type, status, expressions, filter_sql";
        String values = ":permission, :seq, :name, :scope, :status, :expressions, :filter";
        var sql = jdbc.sql("insert into row_permission_rule (" + (keepId == null ? "" : "id, ") + columns + ") values ("
                        + (keepId == null ? "" : ":id, ") + values + ")")
                .param("permission", permissionId).param("seq", seq).param("name", rule.name()).param("scope", rule.scopeType())
                .param("status", rule.status()).param("expressions", rule.expressionsJson()).param("filter", rule.filterSql());
        if (keepId != null) {
            sql.param("id", keepId).update();
            return keepId;
        }
        return Inserts.newId(sql);
    }

    private void deleteParts(long id) {
        jdbc.sql("delete from row_permission_account where rule_id in (select id from row_permission_rule where row_permission_id = :id)")
                .param("id", id).update();
        jdbc.sql("delete from row_permission_rule where row_permission_id = :id").param("id", id).update();
        jdbc.sql("delete from row_permission_table where row_permission_id = :id").param("id", id).update();
        jdbc.sql("delete from row_permission_column where row_permission_id = :id").param("id", id).update();
    }

    private static String keywordClause(String keyword) {
        return keyword == null ? "" : " and (lower(name) like :keyword or lower(description) like :keyword)";
    }

    private static Map<String, Object> keywordParam(String keyword) {
        return keyword == null ? Map.of() : Map.of("keyword", "%" + keyword.toLowerCase(Locale.ROOT) + "%");
    }

    private static Header header(ResultSet rs, int row) throws SQLException {
        return new Header(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("description"),
                rs.getLong("created_by"), rs.getLong("modified_by"), rs.getLong("created_at"), rs.getLong("modified_at"));
    }
}
