package dev.sluice.platform.compute;

import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import dev.sluice.platform.source.ConfigItem;

/**
 * The managed compute source of cluster mode: a schema of the server's own PostgreSQL database, reached as a login role
 * of its own ({@code sluice_compute_<tenantId>}, owner of the schema of the same name, with it as its search path).
 * Tenants' SQL runs as that role, never as the server's user, so it reaches nothing of Sluice's: the role is member of
 * no role and is granted nothing on Sluice's schema (PostgreSQL grants no table to {@code PUBLIC} by default).
 * Role and schema names are made of a fixed prefix and the tenant id and the password of random letters and digits:
 * DDL takes no bound parameters, and nothing here comes from a user.
 */
@Component
class ManagedSchemas {

    private static final Logger log = LoggerFactory.getLogger(ManagedSchemas.class);
    private static final String PREFIX = "sluice_compute_";
    private static final char[] ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    ManagedSchemas(DataSource store) {
        this.jdbc = new JdbcTemplate(store);
    }

    /** Whether the server's store is PostgreSQL (cluster mode): then a node's local file cannot serve the others. */
    boolean storeIsPostgres() {
        return jdbc.execute((ConnectionCallback<Boolean>) c -> c.getMetaData().getDatabaseProductName().equalsIgnoreCase("PostgreSQL"));
    }

    static String roleOf(long tenantId) {
        return PREFIX + tenantId;
    }

    /**
     * Creates the tenant's role and schema (or takes over both when an earlier start of this installation made them).
     *
     * @return the configuration items to connect as the role, or empty (with one warning logged) when the server's
     *         user may not create roles or the role belongs to something else
     */
    Optional<List<ConfigItem>> create(long tenantId) {
        String role = roleOf(tenantId);
        Boolean mayCreate = jdbc.queryForObject("select rolsuper or rolcreaterole from pg_roles where rolname = current_user", Boolean.class);
        if (!Boolean.TRUE.equals(mayCreate)) {
            log.warn("No managed compute source for tenant {}: the database user of Sluice may not create roles (CREATEROLE), and tenants' SQL "
                    + "must not run as Sluice's own user. Grant CREATEROLE, or give the first project a compute source of your own.", tenantId);
            return Optional.empty();
        }
        boolean roleExists = count("select count(*) from pg_roles where rolname = ?", role) > 0;
        boolean schemaExists = count("select count(*) from pg_namespace n join pg_roles r on r.oid = n.nspowner where n.nspname = ? and r.rolname = ?",
                role, role) > 0;
        if (roleExists && !schemaExists) {
            log.warn("No managed compute source for tenant {}: the role {} exists already but owns no schema {} in this database "
                    + "(another installation on the same PostgreSQL server?); it is left alone.", tenantId, role, role);
            return Optional.empty();
        }
        String password = password();
        jdbc.execute((roleExists ? "alter role " : "create role ") + role
                + " login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls password '" + password + "'");
        // A non-superuser with CREATEROLE must be a member of a role to create a schema it owns.
        if (!Boolean.TRUE.equals(jdbc.queryForObject("select rolsuper from pg_roles where rolname = current_user", Boolean.class))) {
            jdbc.execute("grant " + role + " to current_user");
        }
        if (!schemaExists) jdbc.execute("create schema " + role + " authorization " + role);
        jdbc.execute("alter role " + role + " set search_path = " + role);
        return Optional.of(List.of(new ConfigItem("jdbc.url", storeUrl()), new ConfigItem("jdbc.username", role),
                new ConfigItem("jdbc.password", password)));
    }

    /** The store's own server and database, without its options (they name Sluice's user). */
    private String storeUrl() {
        String url = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getURL());
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static String password() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 32; i++) text.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return text.toString();
    }
}
