package dev.sluice.permission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.sluice.platform.SourceOwners;
import dev.sluice.runner.Engine;

/** Which tables a statement reads, writes and changes, as resource ids with the rights each needs. */
class StatementUsesTest {

    static final Engine DUCK = new Engine(1, Engine.Kind.COMPUTE, 7, "lake", "DUCKDB", Engine.Dialect.DUCKDB, "main", true);
    static final Engine MYSQL = new Engine(1, Engine.Kind.DATA, 8, "shop", "MYSQL", Engine.Dialect.MYSQL, "shop", false);
    static final SourceOwners.OwnedSource LAKE = new SourceOwners.OwnedSource(SourceOwners.Kind.COMPUTE, 7, "lake", 1);

    static Map<String, String> uses(String sql) throws Exception {
        return uses(sql, DUCK);
    }

    static Map<String, String> uses(String sql, Engine engine) throws Exception {
        StatementUses.Analysis analysis = StatementUses.analyse(sql, engine.dialect());
        assertThat(analysis.unchecked()).as("unchecked reason").isNull();
        Map<String, String> byTable = new TreeMap<>();
        for (StatementUses.Use use : analysis.uses()) {
            String id = TablePermissionGate.resource(LAKE, use.table(), engine).id();
            String rights = use.rights().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
            byTable.merge(id, rights, (a, b) -> List.of((a + "," + b).split(",")).stream().distinct().sorted().collect(Collectors.joining(",")));
        }
        return byTable;
    }

    @Test
    void cteNamesAndAliasesAreNotTables() throws Exception {
        assertThat(uses("WITH recent AS (SELECT * FROM orders WHERE day > 3) SELECT r.id FROM recent r JOIN customers c ON c.id = r.cid"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.customers", "SELECT", "lake.main.orders", "SELECT")));
    }

    @Test
    void aCteNameOutsideItsQueryIsTheRealTable() throws Exception {
        // The inner WITH defines t only inside the parenthesised query; the outer t is the table of that name.
        assertThat(uses("SELECT * FROM (WITH t AS (SELECT 1 AS x) SELECT * FROM t) a, t"))
                .containsExactlyEntriesOf(Map.of("lake.main.t", "SELECT"));
        // A non-recursive CTE does not see the ones defined after it.
        assertThat(uses("WITH a AS (SELECT * FROM b), b AS (SELECT 1 AS x) SELECT * FROM a"))
                .containsExactlyEntriesOf(Map.of("lake.main.b", "SELECT"));
        // A subquery's alias hides no table elsewhere.
        assertThat(uses("SELECT * FROM (SELECT 1 AS x) secret, main.secret s2")).containsExactlyEntriesOf(Map.of("lake.main.secret", "SELECT"));
    }

    @Test
    void recursiveCteSeesItself() throws Exception {
        assertThat(uses("WITH RECURSIVE tree AS (SELECT id FROM nodes UNION ALL SELECT n.id FROM nodes n JOIN tree ON n.parent = tree.id) "
                + "SELECT * FROM tree")).containsExactlyEntriesOf(Map.of("lake.main.nodes", "SELECT"));
    }

    @Test
    void subqueriesJoinsAndSetOperationsAreReads() throws Exception {
        assertThat(uses("SELECT * FROM a WHERE id IN (SELECT aid FROM b) AND EXISTS (SELECT 1 FROM c WHERE c.x = a.x) "
                + "UNION SELECT * FROM d LEFT JOIN e ON d.id = e.id"))
                .containsOnlyKeys("lake.main.a", "lake.main.b", "lake.main.c", "lake.main.d", "lake.main.e")
                .allSatisfy((table, rights) -> assertThat(rights).isEqualTo("SELECT"));
    }

    @Test
    void insertSelectWritesTheTargetAndReadsTheSources() throws Exception {
        assertThat(uses("INSERT INTO report SELECT * FROM orders JOIN items ON items.oid = orders.id"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.report", "INSERT", "lake.main.orders", "SELECT", "lake.main.items", "SELECT")));
        // Reading the target in its own insert needs SELECT as well.
        assertThat(uses("INSERT INTO t SELECT * FROM t")).containsExactlyEntriesOf(Map.of("lake.main.t", "INSERT,SELECT"));
        assertThat(uses("INSERT INTO t (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2"))
                .containsExactlyEntriesOf(Map.of("lake.main.t", "INSERT,UPDATE"));
    }

    @Test
    void updateWithJoinAndDelete() throws Exception {
        assertThat(uses("UPDATE orders SET total = p.price FROM prices p WHERE p.id = orders.pid"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.orders", "UPDATE", "lake.main.prices", "SELECT")));
        assertThat(uses("UPDATE orders o JOIN prices p ON p.id = o.pid SET o.total = p.price", MYSQL))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.shop.orders", "UPDATE", "lake.shop.prices", "SELECT,UPDATE")));
        assertThat(uses("DELETE FROM orders WHERE cid IN (SELECT id FROM gone)"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.orders", "DELETE", "lake.main.gone", "SELECT")));
        assertThat(uses("DELETE FROM orders WHERE id = 1 RETURNING *")).as("RETURNING reads the rows")
                .containsExactlyEntriesOf(Map.of("lake.main.orders", "DELETE,SELECT"));
        assertThat(uses("TRUNCATE TABLE staging")).containsExactlyEntriesOf(Map.of("lake.main.staging", "DELETE"));
    }

    @Test
    void mergeNeedsWhatItsClausesDo() throws Exception {
        assertThat(uses("MERGE INTO stock s USING deliveries d ON s.id = d.id WHEN MATCHED THEN UPDATE SET qty = s.qty + d.qty "
                + "WHEN NOT MATCHED THEN INSERT (id, qty) VALUES (d.id, d.qty)"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.stock", "INSERT,UPDATE", "lake.main.deliveries", "SELECT")));
    }

    @Test
    void ddlNeedsItsOwnRights() throws Exception {
        assertThat(uses("CREATE TABLE copy AS SELECT * FROM orders"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.copy", "CREATE", "lake.main.orders", "SELECT")));
        assertThat(uses("CREATE TABLE fresh (id INT)")).containsExactlyEntriesOf(Map.of("lake.main.fresh", "CREATE"));
        assertThat(uses("DROP TABLE IF EXISTS old")).containsExactlyEntriesOf(Map.of("lake.main.old", "DROP"));
        assertThat(uses("ALTER TABLE orders ADD COLUMN note VARCHAR(20)")).containsExactlyEntriesOf(Map.of("lake.main.orders", "ALTER"));
        assertThat(uses("CREATE VIEW v AS SELECT * FROM orders"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.v", "CREATE", "lake.main.orders", "SELECT")));
        assertThat(uses("SELECT * INTO snapshot FROM orders"))
                .containsExactlyEntriesOf(new TreeMap<>(Map.of("lake.main.snapshot", "CREATE", "lake.main.orders", "SELECT")));
    }

    @Test
    void quotedAndQualifiedNamesResolveAlike() throws Exception {
        assertThat(uses("SELECT * FROM \"Sales\".\"Orders\" JOIN main.items ON true JOIN \"People\" ON true JOIN db.s.t ON true"))
                .containsOnlyKeys("lake.sales.orders", "lake.main.items", "lake.main.people", "lake.s.t");
        assertThat(uses("SELECT * FROM `Orders` JOIN other.items ON true", MYSQL)).containsOnlyKeys("lake.shop.orders", "lake.other.items");
    }

    @Test
    void statementsWithoutTablesUseNothingAndDescribeReads() throws Exception {
        assertThat(uses("SELECT 1")).isEmpty();
        assertThat(uses("SET search_path = 'x'")).isEmpty();
        assertThat(uses("SHOW TABLES")).isEmpty();
        assertThat(uses("DESCRIBE orders")).containsExactlyEntriesOf(Map.of("lake.main.orders", "SELECT"));
        assertThat(uses("SHOW COLUMNS FROM orders", MYSQL)).containsExactlyEntriesOf(Map.of("lake.shop.orders", "SELECT"));
    }

    @Test
    void whatCannotBeCheckedTableByTableIsMarked() throws Exception {
        assertThat(StatementUses.analyse("SELECT query_to_xml('select * from secret', true, false, '')", Engine.Dialect.POSTGRESQL).unchecked())
                .contains("query_to_xml");
        assertThat(StatementUses.analyse("SELECT * FROM read_csv('/etc/passwd')", Engine.Dialect.DUCKDB).unchecked()).contains("read_csv");
        assertThat(StatementUses.analyse("SELECT * FROM generate_series(1, 3)", Engine.Dialect.POSTGRESQL).unchecked()).isNull();
        assertThat(StatementUses.analyse("DROP SCHEMA s CASCADE", Engine.Dialect.POSTGRESQL).unchecked()).isNotNull();
        assertThat(StatementUses.analyse("CREATE SCHEMA s", Engine.Dialect.POSTGRESQL).unchecked()).isNotNull();
    }

    @Test
    void trickyShapesAreNotMissed() throws Exception {
        assertThat(uses("SELECT * FROM orders;")).containsExactlyEntriesOf(Map.of("lake.main.orders", "SELECT"));
        assertThat(uses("EXPLAIN SELECT * FROM orders")).containsExactlyEntriesOf(Map.of("lake.main.orders", "SELECT"));
        try {
            StatementUses.Analysis outfile = StatementUses.analyse("SELECT * FROM orders INTO OUTFILE '/tmp/x'", Engine.Dialect.MYSQL);
            assertThat(outfile.unchecked()).as("a file written").isNotNull();
        } catch (StatementUses.Unparsable expected) {
            // as good
        }
        // Each must either list every table it touches, be marked unchecked, or not parse (then only those who may run
        // anything run it).
        for (String twoInOne : List.of("SELECT 1; DROP TABLE orders", "DROP TABLE a, b", "EXPLAIN ANALYZE DELETE FROM orders")) {
            try {
                StatementUses.Analysis analysis = StatementUses.analyse(twoInOne, Engine.Dialect.DUCKDB);
                assertThat(analysis.unchecked() != null || analysis.uses().size() > 1).as(twoInOne).isTrue();
            } catch (StatementUses.Unparsable expected) {
                // refused unless the user may run anything: as good
            }
        }
    }

    static String changesResolution(String sql, Engine.Dialect dialect) throws Exception {
        return StatementUses.analyse(sql, dialect).changesResolution();
    }

    @Test
    void statementsThatMoveNameResolutionAreMarkedInEachDialect() throws Exception {
        for (String pg : List.of("SET search_path = hr", "SET LOCAL search_path = hr, public", "SET SESSION search_path = hr",
                "set \"search_path\" = hr", "SET search_path = DEFAULT", "RESET search_path", "RESET ALL", "SET ROLE hr_admin",
                "RESET ROLE", "SET SESSION AUTHORIZATION bob", "SELECT set_config('search_path', 'hr', false)",
                "SELECT pg_catalog.set_config('role', 'hr_admin', true) AS x FROM orders")) {
            assertThat(changesResolution(pg, Engine.Dialect.POSTGRESQL)).as(pg).isNotNull();
        }
        for (String mysql : List.of("USE hr", "USE `hr`")) assertThat(changesResolution(mysql, Engine.Dialect.MYSQL)).as(mysql).contains("hr");
        for (String duck : List.of("SET schema 'hr'", "SET search_path = 'hr'", "USE hr", "RESET schema")) {
            assertThat(changesResolution(duck, Engine.Dialect.DUCKDB)).as(duck).isNotNull();
        }
        for (String h2 : List.of("SET SCHEMA hr", "SET SCHEMA_SEARCH_PATH hr, public", "SET CATALOG other")) {
            assertThat(changesResolution(h2, Engine.Dialect.H2)).as(h2).isNotNull();
        }
        // Other settings and plain statements leave resolution alone.
        for (String harmless : List.of("SET statement_timeout = 5", "SET TIME ZONE 'UTC'", "SET NAMES utf8", "SELECT * FROM hr.salaries",
                "RESET statement_timeout", "SELECT current_setting('search_path')")) {
            assertThat(changesResolution(harmless, Engine.Dialect.POSTGRESQL)).as(harmless).isNull();
        }
        // The forms the parser does not read are refused as unparsable, which is as good.
        for (String unparsable : List.of("SET search_path TO hr", "DISCARD ALL", "RESET SESSION AUTHORIZATION")) {
            assertThatThrownBy(() -> StatementUses.analyse(unparsable, Engine.Dialect.POSTGRESQL)).as(unparsable)
                    .isInstanceOf(StatementUses.Unparsable.class);
        }
    }

    @Test
    void unparsableTextIsReported() {
        assertThatThrownBy(() -> StatementUses.analyse("SELEKT * FROM orders", Engine.Dialect.DUCKDB))
                .isInstanceOf(StatementUses.Unparsable.class);
        assertThatThrownBy(() -> StatementUses.analyse("COPY orders TO '/tmp/x.csv'", Engine.Dialect.DUCKDB))
                .isInstanceOf(StatementUses.Unparsable.class);
    }
}
