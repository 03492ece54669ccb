package dev.sluice.account.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.sluice.account.Account;
import dev.sluice.account.AccessKey;
import dev.sluice.account.Policy;
import dev.sluice.account.Role;
import dev.sluice.account.Tenant;
import dev.sluice.account.User;
import dev.sluice.system.Inserts;

/** All SQL of the account module, in one place. */
@Repository
public class AccountStore {

    private static final String USER_COLUMNS = "id, account_id, name, display_name, main_user, enabled, source_type, source_id, "
            + "mail, mobile_phone, created_at, modified_at, ding_number";

    private final JdbcClient jdbc;

    public AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- accounts and tenants ----------------------------------------------------------------------------------------

    public long insertAccount(String name, String plan, String region, long now) {
        return Inserts.newId(jdbc.sql("insert into account (name, plan, region, created_at) values (:name, :plan, :region, :now)")
                .param("name", name).param("plan", plan).param("region", region).param("now", now));
    }

    public Optional<Account> account(long id) {
        return jdbc.sql("select * from account where id = :id").param("id", id).query(AccountStore::account).optional();
    }

    public Optional<Account> accountByName(String name) {
        return jdbc.sql("select * from account where name = :name").param("name", name).query(AccountStore::account).optional();
    }

    public List<Account> accounts() {
        return jdbc.sql("select * from account order by id").query(AccountStore::account).list();
    }

    public boolean anyAccount() {
        return jdbc.sql("select count(*) from account").query(Long.class).single() > 0;
    }

    public int updateAccount(long id, String plan, boolean payAsYouGo, boolean overdue) {
        return jdbc.sql("update account set plan = :plan, pay_as_you_go = :payg, overdue = :overdue where id = :id")
                .param("plan", plan).param("payg", payAsYouGo).param("overdue", overdue).param("id", id).update();
    }

    public long insertTenant(long accountId, String name, String description, long now) {
        return Inserts.newId(jdbc.sql("insert into tenant (account_id, name, description, created_at) values (:account, :name, :description, :now)")
                .param("account", accountId).param("name", name).param("description", description).param("now", now));
    }

    public void setTenantOwner(long tenantId, long userId) {
        jdbc.sql("update tenant set owner_user_id = :user where id = :id").param("user", userId).param("id", tenantId).update();
    }

    public Optional<Tenant> tenant(long id) {
        return jdbc.sql("select * from tenant where id = :id").param("id", id).query(AccountStore::tenant).optional();
    }

    public List<Tenant> tenantsOfAccount(long accountId) {
        return jdbc.sql("select * from tenant where account_id = :account order by id").param("account", accountId)
                .query(AccountStore::tenant).list();
    }

    // --- users -----------------------------------------------------------------------------------------------------

    public long insertUser(long accountId, String name, String displayName, boolean mainUser, String sourceType,
                           String sourceId, long now) {
        return Inserts.newId(jdbc.sql("""
                        insert into app_user (account_id, name, display_name, main_user, source_type, source_id, created_at, modified_at)
                        values (:account, :name, :display, :main, :sourceType, :sourceId, :now, :now)""")
                .param("account", accountId).param("name", name).param("display", displayName).param("main", mainUser)
                .param("sourceType", sourceType).param("sourceId", sourceId).param("now", now));
    }

    public Optional<User> user(long id) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where id = :id").param("id", id)
                .query(AccountStore::user).optional();
    }

    public List<User> usersOfAccount(long accountId, Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where account_id = :account and id in (:ids) order by id")
                .param("account", accountId).param("ids", ids).query(AccountStore::user).list();
    }

    public List<User> allUsersOfAccount(long accountId) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where account_id = :account order by id")
                .param("account", accountId).query(AccountStore::user).list();
    }

    public Optional<User> userBySource(long accountId, String sourceId) {
        return jdbc.sql("select " + USER_COLUMNS + " from app_user where account_id = :account and source_id = :source")
                .param("account", accountId).param("source", sourceId).query(AccountStore::user).optional();
    }

    public int setUserEnabled(long userId, boolean enabled, long now) {
        return jdbc.sql("update app_user set enabled = :enabled, modified_at = :now where id = :id")
                .param("enabled", enabled).param("now", now).param("id", userId).update();
    }

    public void replacePolicies(long userId, Set<Policy> policies) {
        jdbc.sql("delete from user_policy where user_id = :user").param("user", userId).update();
        for (Policy policy : policies) {
            jdbc.sql("insert into user_policy (user_id, policy) values (:user, :policy)")
                    .param("user", userId).param("policy", policy.name()).update();
        }
    }

    public Set<Policy> policies(long userId) {
        List<String> names = jdbc.sql("select policy from user_policy where user_id = :user").param("user", userId)
                .query(String.class).list();
        return names.isEmpty() ? Set.of() : names.stream().map(Policy::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Policy.class)));
    }

    // --- roles -------------------------------------------------------------------------------------------------------

    public void grantRole(long tenantId, long userId, String roleCode) {
        jdbc.sql("""
                        insert into tenant_member_role (tenant_id, user_id, role_id)
                        select :tenant, :user, id from platform_role where code = :code""")
                .param("tenant", tenantId).param("user", userId).param("code", roleCode).update();
    }

    public List<Role> roles(long tenantId, long userId) {
        return jdbc.sql("""
                        select r.id, r.code, r.name, r.description from platform_role r
                        join tenant_member_role m on m.role_id = r.id
                        where m.tenant_id = :tenant and m.user_id = :user order by r.id""")
                .param("tenant", tenantId).param("user", userId)
                .query((rs, i) -> new Role(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description")))
                .list();
    }

    /** Every built-in global role, in id order. */
    public List<Role> allRoles() {
        return jdbc.sql("select id, code, name, description from platform_role order by id")
                .query((rs, i) -> new Role(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("description")))
                .list();
    }

    /** The role codes of every member of a tenant (a member is a user holding at least one role there), by user id. */
    public Map<Long, List<String>> memberRoleCodes(long tenantId) {
        Map<Long, List<String>> byUser = new LinkedHashMap<>();
        jdbc.sql("""
                        select m.user_id, r.code from tenant_member_role m join platform_role r on r.id = m.role_id
                        where m.tenant_id = :tenant order by m.user_id, r.id""")
                .param("tenant", tenantId)
                .query(rs -> {
                    byUser.computeIfAbsent(rs.getLong("user_id"), id -> new ArrayList<>()).add(rs.getString("code"));
                });
        return byUser;
    }

    public int revokeRoles(long tenantId, long userId) {
        return jdbc.sql("delete from tenant_member_role where tenant_id = :tenant and user_id = :user")
                .param("tenant", tenantId).param("user", userId).update();
    }

    public int updateContact(long userId, String mail, String mobilePhone, String dingNumber, long now) {
        return jdbc.sql("""
                        update app_user set mail = coalesce(:mail, mail), mobile_phone = coalesce(:mobile, mobile_phone),
                        ding_number = coalesce(:ding, ding_number), modified_at = :now where id = :id""")
                .param("mail", mail).param("mobile", mobilePhone).param("ding", dingNumber).param("now", now).param("id", userId)
                .update();
    }

    // --- AccessKeys -------------------------------------------------------------------------------------------------

    /** Moves each key's last use forward (never back: another node may have written a later one). */
    public void touchAccessKey(String id, long usedAt) {
        jdbc.sql("update access_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(usedAt, id, usedAt).update();
    }

    public void insertAccessKey(String id, long userId, String secretCipher, long now) {
        jdbc.sql("insert into access_key (id, user_id, secret_cipher, created_at) values (:id, :user, :secret, :now)")
                .param("id", id).param("user", userId).param("secret", secretCipher).param("now", now).update();
    }

    public record StoredKey(AccessKey key, String secretCipher) {
    }

    public Optional<StoredKey> accessKey(String id) {
        return jdbc.sql("select * from access_key where id = :id").param("id", id)
                .query((rs, i) -> new StoredKey(accessKey(rs), rs.getString("secret_cipher"))).optional();
    }

    public List<AccessKey> accessKeysOfUser(long userId) {
        return jdbc.sql("select * from access_key where user_id = :user order by created_at").param("user", userId)
                .query((rs, i) -> accessKey(rs)).list();
    }

    public int setAccessKeyEnabled(String id, boolean enabled) {
        return jdbc.sql("update access_key set enabled = :enabled where id = :id").param("enabled", enabled).param("id", id).update();
    }

    public int deleteAccessKey(String id) {
        return jdbc.sql("delete from access_key where id = :id").param("id", id).update();
    }

    // --- bootstrap marker --------------------------------------------------------------------------------------------

    /** Claims a one-time marker; false when another process claimed it first. */
    public boolean claimMarker(String key, String value) {
        try {
            return jdbc.sql("insert into sluice_meta (meta_key, meta_value) values (:key, :value)")
                    .param("key", key).param("value", value).update() == 1;
        } catch (org.springframework.dao.DuplicateKeyException taken) {
            return false;
        }
    }

    // --- row mappers ------------------------------------------------------------------------------------------------

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("name"), rs.getString("plan"),
                rs.getString("region"), rs.getBoolean("pay_as_you_go"), rs.getBoolean("overdue"), rs.getLong("created_at"));
    }

    private static Tenant tenant(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_user_id");
        Long ownerId = rs.wasNull() ? null : owner;
        String codes = rs.getString("feature_codes");
        Set<String> features = codes == null || codes.isBlank() ? Set.of()
                : Arrays.stream(codes.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
        return new Tenant(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("description"),
                ownerId, features, rs.getLong("created_at"));
    }

    private static User user(ResultSet rs, int row) throws SQLException {
        return new User(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), rs.getString("display_name"),
                rs.getBoolean("main_user"), rs.getBoolean("enabled"), rs.getString("source_type"), rs.getString("source_id"),
                rs.getString("mail"), rs.getString("mobile_phone"), rs.getLong("created_at"), rs.getLong("modified_at"),
                rs.getString("ding_number"));
    }

    private static AccessKey accessKey(ResultSet rs) throws SQLException {
        long lastUsed = rs.getLong("last_used_at");
        Long lastUsedAt = rs.wasNull() ? null : lastUsed; // read before the next column, which would reset wasNull
        return new AccessKey(rs.getString("id"), rs.getLong("user_id"), rs.getBoolean("enabled"), rs.getLong("created_at"),
                lastUsedAt);
    }
}
