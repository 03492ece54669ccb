package dev.sluice.platform.project;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Paging;

/** Members of projects per environment, and the roles each holds. */
@Component
class MemberStore {

    record Member(long projectId, Env env, long userId, Set<ProjectRole> roles, long createdAt, long modifiedAt, long modifiedBy) {
    }

    private final JdbcClient jdbc;

    MemberStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Member> find(long projectId, Env env, long userId) {
        return members("where m.project_id = ? and m.env = ? and m.user_id = ?", List.of(projectId, env.name(), userId)).stream().findFirst();
    }

    Set<ProjectRole> roles(long projectId, Env env, long userId) {
        return find(projectId, env, userId).map(Member::roles).orElse(Set.of());
    }

    boolean administersAny(long tenantId, long userId) {
        return jdbc.sql("select count(*) from project_member_role r join project p on p.id = r.project_id "
                        + "where p.tenant_id = :tenant and r.user_id = :user and r.role_id = :admin")
                .param("tenant", tenantId).param("user", userId).param("admin", ProjectRole.PROJECT_ADMIN.id())
                .query(Long.class).single() > 0;
    }

    void insert(long projectId, Env env, long userId, Collection<ProjectRole> roles, long operator, long now) {
        jdbc.sql("insert into project_member (project_id, env, user_id, created_at, modified_at, modified_by) values (?, ?, ?, ?, ?, ?)")
                .params(projectId, env.name(), userId, now, now, operator).update();
        insertRoles(projectId, env, userId, roles);
    }

    void replaceRoles(long projectId, Env env, long userId, Collection<ProjectRole> roles, long operator, long now) {
        deleteRoles(projectId, env, userId);
        insertRoles(projectId, env, userId, roles);
        jdbc.sql("update project_member set modified_at = ?, modified_by = ? where project_id = ? and env = ? and user_id = ?")
                .params(now, operator, projectId, env.name(), userId).update();
    }

    void delete(long projectId, Env env, long userId) {
        deleteRoles(projectId, env, userId);
        jdbc.sql("delete from project_member where project_id = ? and env = ? and user_id = ?").params(projectId, env.name(), userId).update();
    }

    long count(long projectId, Env env) {
        return jdbc.sql("select count(*) from project_member where project_id = ? and env = ?").params(projectId, env.name())
                .query(Long.class).single();
    }

    List<Member> page(long projectId, Env env, Paging paging) {
        List<Long> users = jdbc.sql("select user_id from project_member where project_id = ? and env = ? order by created_at, user_id "
                        + "offset ? rows fetch next ? rows only")
                .params(projectId, env.name(), paging.offset(), paging.size()).query(Long.class).list();
        if (users.isEmpty()) return List.of();
        List<Object> args = new ArrayList<>(List.of(projectId, env.name()));
        args.addAll(users);
        String in = String.join(", ", users.stream().map(u -> "?").toList());
        Map<Long, Member> byUser = new LinkedHashMap<>();
        for (Member m : members("where m.project_id = ? and m.env = ? and m.user_id in (" + in + ")", args)) byUser.put(m.userId(), m);
        return users.stream().map(byUser::get).toList();
    }

    private List<Member> members(String where, List<Object> args) {
        Map<Long, Member> byUser = new LinkedHashMap<>();
        jdbc.sql("select m.*, r.role_id from project_member m left join project_member_role r on r.project_id = m.project_id "
                        + "and r.env = m.env and r.user_id = m.user_id " + where + " order by m.user_id, r.role_id")
                .params(args)
                .query((rs, n) -> {
                    long user = rs.getLong("user_id");
                    Member m = byUser.get(user);
                    if (m == null) {
                        m = new Member(rs.getLong("project_id"), Env.valueOf(rs.getString("env")), user, EnumSet.noneOf(ProjectRole.class),
                                rs.getLong("created_at"), rs.getLong("modified_at"), rs.getLong("modified_by"));
                        byUser.put(user, m);
                    }
                    int role = rs.getInt("role_id");
                    if (!rs.wasNull()) ProjectRole.of(role).ifPresent(m.roles()::add);
                    return null;
                }).list();
        return List.copyOf(byUser.values());
    }

    private void insertRoles(long projectId, Env env, long userId, Collection<ProjectRole> roles) {
        for (ProjectRole role : roles) {
            jdbc.sql("insert into project_member_role (project_id, env, user_id, role_id) values (?, ?, ?, ?)")
                    .params(projectId, env.name(), userId, role.id()).update();
        }
    }

    private void deleteRoles(long projectId, Env env, long userId) {
        jdbc.sql("delete from project_member_role where project_id = ? and env = ? and user_id = ?").params(projectId, env.name(), userId).update();
    }
}
