package dev.sluice.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.sluice.runner.Engine;
import dev.sluice.testsupport.SourceDatabases;
import net.sf.jsqlparser.schema.Table;

/**
 * Reads of a row-restricted table, rewritten and executed for real (DuckDB in memory, the local PostgreSQL and
 * MariaDB): the restricted reader sees only the rule's rows however the query names the table, the others see all.
 */
class RowFilterRewriteTest {

    /** The rule's condition as rules render it: standard SQL, a quote doubled, a backslash literal. */
    static final String NORTH = "(region = 'north' OR region = 'o''hara')";

    static final String[] SETUP = {
        "DROP TABLE IF EXISTS perm_rls_orders",
        "DROP TABLE IF EXISTS perm_rls_items",
        "CREATE TABLE perm_rls_orders (id INT, region VARCHAR(20), amount INT)",
        "CREATE TABLE perm_rls_items (order_id INT, sku VARCHAR(20))",
        "INSERT INTO perm_rls_orders VALUES (1, 'north', 10), (2, 'south', 20), (3, 'o''hara', 30), (4, 'east', 40)",
        "INSERT INTO perm_rls_items VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd')"};

    /** Each query with the ids an unrestricted reader gets and the ids a reader restricted to NORTH gets. */
    static final Object[][] QUERIES = {
        {"SELECT id FROM perm_rls_orders ORDER BY id", "1,2,3,4", "1,3"},
        {"SELECT o.id FROM perm_rls_orders o WHERE o.amount > 5 ORDER BY o.id", "1,2,3,4", "1,3"},
        {"SELECT perm_rls_orders.id FROM perm_rls_orders ORDER BY perm_rls_orders.id", "1,2,3,4", "1,3"},
        {"SELECT i.order_id FROM perm_rls_items i JOIN perm_rls_orders o ON o.id = i.order_id ORDER BY 1", "1,2,3,4", "1,3"},
        {"SELECT order_id FROM perm_rls_items WHERE order_id IN (SELECT id FROM perm_rls_orders) ORDER BY 1", "1,2,3,4", "1,3"},
        {"WITH big AS (SELECT * FROM perm_rls_orders WHERE amount >= 10) SELECT id FROM big ORDER BY id", "1,2,3,4", "1,3"},
        {"SELECT id FROM perm_rls_orders WHERE id < 3 UNION SELECT id FROM perm_rls_orders WHERE id > 2 ORDER BY 1", "1,2,3,4", "1,3"},
        {"SELECT count(*) FROM perm_rls_orders a, perm_rls_orders b", "16", "4"}};

    @Test
    void duckdbShowsARestrictedReaderOnlyItsRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:")) {
            runAll(c, Engine.Dialect.DUCKDB);
        }
    }

    @Test
    void postgresqlShowsARestrictedReaderOnlyItsRows() throws Exception {
        try (Connection c = DriverManager.getConnection(SourceDatabases.postgresUrl())) {
            exec(c, "CREATE SCHEMA IF NOT EXISTS perm_rls");
            exec(c, "SET search_path = perm_rls");
            runAll(c, Engine.Dialect.POSTGRESQL);
            exec(c, "DROP SCHEMA perm_rls CASCADE");
        }
    }

    @Test
    void mariadbReadsAQuoteAndABackslashInAValueAsData() throws Exception {
        try (Connection c = DriverManager.getConnection(SourceDatabases.mariadbUrl())) {
            exec(c, "DROP TABLE IF EXISTS perm_rls_names");
            exec(c, "CREATE TABLE perm_rls_names (id INT, owner VARCHAR(20))");
            exec(c, "INSERT INTO perm_rls_names VALUES (1, 'a\\\\'), (2, 'b'), (3, 'it''s')");
            // A rule value ending in a backslash: in standard SQL 'a\' is the two characters a and \. MySQL would read
            // \' as an escaped quote and the rest of the filter as SQL, unless the backslash is doubled.
            String filter = "(owner = 'a\\' OR owner = 'it''s')";
            assertThat(ids(c, rewritten("SELECT id FROM perm_rls_names ORDER BY id", Engine.Dialect.MYSQL, filter))).isEqualTo("1,3");
            exec(c, "DROP TABLE perm_rls_names");
        }
    }

    @Test
    void aWriteToARestrictedTableIsNotRewritten() {
        // The gate refuses it before rewriting; here the printer shows it would have no place for the filter anyway.
        assertThatThrownBy(() -> rewritten("UPDATE perm_rls_orders SET amount = 0", Engine.Dialect.DUCKDB, NORTH))
                .isInstanceOf(RowFilterRewrite.NotRewritable.class);
    }

    private static void runAll(Connection c, Engine.Dialect dialect) throws Exception {
        for (String sql : SETUP) exec(c, sql);
        for (Object[] q : QUERIES) {
            String query = (String) q[0];
            assertThat(ids(c, query)).as("unrestricted: " + query).isEqualTo(q[1]);
            String rewritten = rewritten(query, dialect, NORTH);
            assertThat(ids(c, rewritten)).as("restricted: " + rewritten).isEqualTo(q[2]);
        }
        // The items table has no rule: a query on it alone is not touched.
        assertThat(rewritten("SELECT * FROM perm_rls_items", dialect, NORTH)).isEqualTo("SELECT * FROM perm_rls_items");
        exec(c, "DROP TABLE perm_rls_orders");
        exec(c, "DROP TABLE perm_rls_items");
    }

    /** The query with every occurrence of the restricted table (any table named perm_rls_orders or perm_rls_names) filtered. */
    static String rewritten(String sql, Engine.Dialect dialect, String filter) throws Exception {
        StatementUses.Analysis analysis = StatementUses.analyse(sql, dialect);
        Map<Table, String> filters = new IdentityHashMap<>();
        for (StatementUses.Use use : analysis.uses()) {
            String name = TableCollector.unquote(use.table().getName());
            if (name.equals("perm_rls_orders") || name.equals("perm_rls_names")) filters.put(use.table(), filter);
        }
        if (filters.isEmpty()) return sql;
        return RowFilterRewrite.rewrite(analysis.statement(), filters, dialect);
    }

    private static String ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) ids.add(rs.getString(1));
        }
        return String.join(",", ids);
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
