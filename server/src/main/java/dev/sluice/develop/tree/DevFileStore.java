package dev.sluice.develop.tree;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.platform.project.Env;
import dev.sluice.system.Inserts;

/** The SQL of development trees. Every query names the tenant or the tree, so no tenant reaches another's files. */
@Repository
class DevFileStore {

    /** A stored node; {@code content} only where a query says it reads it. */
    record Row(long id, TreeKey tree, Long parentId, String name, String fileType, String content,
               long createdBy, long createdAt, long modifiedBy, long modifiedAt) {
    }

    private static final String COLUMNS = "id, tenant_id, project_id, category, env, owner_id, parent_id, name, file_type, "
            + "created_by, created_at, modified_by, modified_at";

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    DevFileStore(JdbcClient jdbc, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        // A savepoint inside the caller's transaction: a tree row inserted at the same moment by another call fails only
        // this attempt (PostgreSQL refuses every later statement of a transaction after a failed one).
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** Locks the tree's row (creating it on the tree's first change) until the caller's transaction ends. */
    void lockTree(TreeKey tree) {
        for (int attempt = 1; ; attempt++) {
            if (lockedTreeRow(tree)) return;
            try {
                savepoint.executeWithoutResult(status -> jdbc.sql(
                                "insert into dev_file_tree (project_id, category, env, owner_id) values (:project, :category, :env, :owner)")
                        .params(treeParams(tree)).update());
            } catch (DataAccessException createdMeanwhile) {
                // another call created it first; the next round locks it (waiting for that call's transaction)
                if (attempt == 3) throw createdMeanwhile;
            }
        }
    }

    private boolean lockedTreeRow(TreeKey tree) {
        return !jdbc.sql("""
                        select project_id from dev_file_tree
                        where project_id = :project and category = :category and env = :env and owner_id = :owner for update""")
                .params(treeParams(tree)).query(Long.class).list().isEmpty();
    }

    /** Every node of the tree, without contents. */
    List<Row> nodes(TreeKey tree) {
        return jdbc.sql("select " + COLUMNS + " from dev_file where tenant_id = :tenant and project_id = :project"
                        + " and category = :category and env = :env and owner_id = :owner order by id")
                .params(treeParams(tree)).param("tenant", tree.tenantId()).query(DevFileStore::row).list();
    }

    /** The node of the tenant's project with that id, with its content. */
    Optional<Row> find(long tenantId, long projectId, long id) {
        return jdbc.sql("select " + COLUMNS + ", content from dev_file where tenant_id = :tenant and project_id = :project and id = :id")
                .param("tenant", tenantId).param("project", projectId).param("id", id)
                .query((rs, n) -> withContent(rs)).optional();
    }

    /** The contents of the tree's files among {@code ids}. */
    Map<Long, String> contents(TreeKey tree, Collection<Long> ids) {
        Map<Long, String> contents = new HashMap<>();
        if (ids.isEmpty()) return contents;
        jdbc.sql("select id, content from dev_file where tenant_id = :tenant and project_id = :project and id in (:ids)")
                .param("tenant", tree.tenantId()).param("project", tree.projectId()).param("ids", ids)
                .query(rs -> {
                    contents.put(rs.getLong("id"), rs.getString("content"));
                });
        return contents;
    }

    long insert(TreeKey tree, Long parentId, String name, String fileType, String content, long userId, long now) {
        return Inserts.newId(jdbc.sql("""
                        insert into dev_file (tenant_id, project_id, category, env, owner_id, parent_id, parent_key, name, file_type,
                                              content, created_by, created_at, modified_by, modified_at)
                        values (:tenant, :project, :category, :env, :owner, :parent, :parentKey, :name, :type,
                                :content, :user, :now, :user, :now)""")
                .params(treeParams(tree)).param("tenant", tree.tenantId()).param("parent", parentId)
                .param("parentKey", parentId == null ? 0L : parentId).param("name", name).param("type", fileType)
                .param("content", content).param("user", userId).param("now", now));
    }

    void rename(long id, String name, long userId, long now) {
        jdbc.sql("update dev_file set name = :name, modified_by = :user, modified_at = :now where id = :id")
                .param("name", name).param("user", userId).param("now", now).param("id", id).update();
    }

    void move(long id, Long parentId, long userId, long now) {
        jdbc.sql("update dev_file set parent_id = :parent, parent_key = :parentKey, modified_by = :user, modified_at = :now where id = :id")
                .param("parent", parentId).param("parentKey", parentId == null ? 0L : parentId)
                .param("user", userId).param("now", now).param("id", id).update();
    }

    void updateContent(long id, String content, long userId, long now) {
        jdbc.sql("update dev_file set content = :content, modified_by = :user, modified_at = :now where id = :id")
                .param("content", content).param("user", userId).param("now", now).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from dev_file where id = :id").param("id", id).update();
    }

    private static Map<String, Object> treeParams(TreeKey tree) {
        return Map.of("project", tree.projectId(), "category", tree.category().wire(), "env", tree.env().name(), "owner", tree.ownerId());
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return read(rs, null);
    }

    private static Row withContent(ResultSet rs) throws SQLException {
        return read(rs, rs.getString("content"));
    }

    private static Row read(ResultSet rs, String content) throws SQLException {
        TreeKey tree = new TreeKey(rs.getLong("tenant_id"), rs.getLong("project_id"), Category.find(rs.getString("category")).orElseThrow(),
                Env.valueOf(rs.getString("env")), rs.getLong("owner_id"));
        Long parent = rs.getObject("parent_id", Long.class);
        return new Row(rs.getLong("id"), tree, parent, rs.getString("name"), rs.getString("file_type"), content,
                rs.getLong("created_by"), rs.getLong("created_at"), rs.getLong("modified_by"), rs.getLong("modified_at"));
    }
}
