package dev.sluice.platform.usergroup;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.system.Inserts;

/** The SQL of user groups and their members. Every query names the tenant, so one tenant never reaches another's groups. */
@Repository
class UserGroupStore {

    record Group(long id, long tenantId, String name, String description, boolean active, long createdBy, long createdAt,
                 long modifiedAt) {
    }

    record Member(long id, long groupId, long userId, boolean admin, long addedBy, long addedAt) {
    }

    /** Filters of ListUserGroups; null means "any". */
    record GroupFilter(String keyword, Boolean active, Collection<Long> adminIds, Long memberUserId) {
    }

    private final JdbcClient jdbc;

    UserGroupStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tenantId, String name, String description, boolean active, long userId, long now) {
        return Inserts.newId(jdbc.sql("""
                        insert into user_group (tenant_id, name, description, active, created_by, created_at, modified_at)
                        values (:tenant, :name, :description, :active, :user, :now, :now)""")
                .param("tenant", tenantId).param("name", name).param("description", description).param("active", active)
                .param("user", userId).param("now", now));
    }

    Optional<Group> find(long tenantId, long id) {
        return jdbc.sql("select * from user_group where tenant_id = :tenant and id = :id")
                .param("tenant", tenantId).param("id", id).query(UserGroupStore::group).optional();
    }

    boolean nameTaken(long tenantId, String name, long exceptId) {
        return jdbc.sql("select count(*) from user_group where tenant_id = :tenant and name = :name and id <> :id")
                .param("tenant", tenantId).param("name", name).param("id", exceptId).query(Long.class).single() > 0;
    }

    void update(long id, String name, String description, long now) {
        jdbc.sql("update user_group set name = :name, description = :description, modified_at = :now where id = :id")
                .param("name", name).param("description", description).param("now", now).param("id", id).update();
    }

    void setActive(long id, boolean active, long now) {
        jdbc.sql("update user_group set active = :active, modified_at = :now where id = :id")
                .param("active", active).param("now", now).param("id", id).update();
    }

    void delete(long id) {
        jdbc.sql("delete from user_group_member where user_group_id = :id").param("id", id).update();
        jdbc.sql("delete from user_group where id = :id").param("id", id).update();
    }

    List<Group> list(long tenantId, GroupFilter filter) {
        StringBuilder sql = new StringBuilder("select * from user_group g where tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", tenantId);
        if (filter.keyword() != null) {
            sql.append(" and lower(name) like :keyword");
            params.put("keyword", "%" + filter.keyword().toLowerCase(Locale.ROOT) + "%");
        }
        if (filter.active() != null) {
            sql.append(" and active = :active");
            params.put("active", filter.active());
        }
        if (filter.adminIds() != null && !filter.adminIds().isEmpty()) {
            sql.append(" and exists (select 1 from user_group_member m where m.user_group_id = g.id and m.is_admin = true"
                    + " and m.user_id in (:admins))");
            params.put("admins", filter.adminIds());
        }
        if (filter.memberUserId() != null) {
            sql.append(" and exists (select 1 from user_group_member m where m.user_group_id = g.id and m.user_id = :member)");
            params.put("member", filter.memberUserId());
        }
        return jdbc.sql(sql.append(" order by id").toString()).params(params).query(UserGroupStore::group).list();
    }

    List<Member> members(long groupId) {
        return jdbc.sql("select * from user_group_member where user_group_id = :group order by id")
                .param("group", groupId).query(UserGroupStore::member).list();
    }

    Optional<Member> member(long groupId, long userId) {
        return jdbc.sql("select * from user_group_member where user_group_id = :group and user_id = :user")
                .param("group", groupId).param("user", userId).query(UserGroupStore::member).optional();
    }

    /** Adds the user, or only raises it to administrator when it is a member already and {@code admin} is set. */
    void addMember(long groupId, long userId, boolean admin, long addedBy, long now) {
        Optional<Member> existing = member(groupId, userId);
        if (existing.isPresent()) {
            if (admin && !existing.get().admin()) setAdmin(groupId, userId, true);
            return;
        }
        jdbc.sql("""
                        insert into user_group_member (user_group_id, user_id, is_admin, added_by, added_at)
                        values (:group, :user, :admin, :by, :now)""")
                .param("group", groupId).param("user", userId).param("admin", admin).param("by", addedBy).param("now", now)
                .update();
    }

    void setAdmin(long groupId, long userId, boolean admin) {
        jdbc.sql("update user_group_member set is_admin = :admin where user_group_id = :group and user_id = :user")
                .param("admin", admin).param("group", groupId).param("user", userId).update();
    }

    int removeMember(long groupId, long userId) {
        return jdbc.sql("delete from user_group_member where user_group_id = :group and user_id = :user")
                .param("group", groupId).param("user", userId).update();
    }

    /** Every membership in the tenant's groups, by group. */
    List<Member> memberships(long tenantId) {
        return jdbc.sql("""
                        select m.* from user_group_member m join user_group g on g.id = m.user_group_id
                        where g.tenant_id = :tenant order by m.user_group_id, m.id""")
                .param("tenant", tenantId).query(UserGroupStore::member).list();
    }

    /** The groups of the tenant that each of the users belongs to. */
    List<Member> membershipsOf(long tenantId, Collection<Long> userIds) {
        if (userIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        select m.* from user_group_member m join user_group g on g.id = m.user_group_id
                        where g.tenant_id = :tenant and m.user_id in (:users) order by m.user_group_id""")
                .param("tenant", tenantId).param("users", userIds).query(UserGroupStore::member).list();
    }

    List<Group> groups(long tenantId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from user_group where tenant_id = :tenant and id in (:ids) order by id")
                .param("tenant", tenantId).param("ids", ids).query(UserGroupStore::group).list();
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        return new Group(rs.getLong("id"), rs.getLong("tenant_id"), rs.getString("name"), rs.getString("description"),
                rs.getBoolean("active"), rs.getLong("created_by"), rs.getLong("created_at"), rs.getLong("modified_at"));
    }

    private static Member member(ResultSet rs, int row) throws SQLException {
        return new Member(rs.getLong("id"), rs.getLong("user_group_id"), rs.getLong("user_id"), rs.getBoolean("is_admin"),
                rs.getLong("added_by"), rs.getLong("added_at"));
    }
}
