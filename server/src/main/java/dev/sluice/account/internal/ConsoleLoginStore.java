package dev.sluice.account.internal;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.account.ConsoleLogin;

/** The SQL of console sign-ins. */
@Repository
public class ConsoleLoginStore {

    private static final String SELECT = "select l.user_id, u.account_id, l.login_name, l.password_hash, l.must_change, l.operator "
            + "from console_login l join app_user u on u.id = l.user_id";

    private final JdbcClient jdbc;

    public ConsoleLoginStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ConsoleLogin> byLoginName(String loginName) {
        return jdbc.sql(SELECT + " where l.login_name = :name").param("name", loginName).query(ConsoleLoginStore::login).optional();
    }

    public Optional<ConsoleLogin> byUser(long userId) {
        return jdbc.sql(SELECT + " where l.user_id = :user").param("user", userId).query(ConsoleLoginStore::login).optional();
    }

    public void upsert(long userId, String loginName, String hash, boolean mustChange, long now) {
        int updated = jdbc.sql("update console_login set password_hash = :hash, must_change = :must, updated_at = :now where user_id = :user")
                .param("hash", hash).param("must", mustChange).param("now", now).param("user", userId).update();
        if (updated == 0) {
            jdbc.sql("insert into console_login (user_id, login_name, password_hash, must_change, updated_at) "
                            + "values (:user, :name, :hash, :must, :now)")
                    .param("user", userId).param("name", loginName).param("hash", hash).param("must", mustChange)
                    .param("now", now).update();
        }
    }

    public void setOperator(long userId, boolean operator, long now) {
        jdbc.sql("update console_login set operator = :operator, updated_at = :now where user_id = :user")
                .param("operator", operator).param("now", now).param("user", userId).update();
    }

    private static ConsoleLogin login(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new ConsoleLogin(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6));
    }
}
