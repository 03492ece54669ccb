package dev.sluice.permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import dev.sluice.runner.Engine;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.ExplainStatement;
import net.sf.jsqlparser.statement.ResetStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.SetStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.alter.Alter;
import net.sf.jsqlparser.statement.create.index.CreateIndex;
import net.sf.jsqlparser.statement.create.table.CreateTable;
import net.sf.jsqlparser.statement.create.view.AlterView;
import net.sf.jsqlparser.statement.create.view.CreateView;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.drop.Drop;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.merge.MergeDelete;
import net.sf.jsqlparser.statement.merge.MergeInsert;
import net.sf.jsqlparser.statement.merge.MergeUpdate;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * What one statement does to which tables: each table occurrence with the rights it needs (reads need SELECT, the
 * target of INSERT/UPDATE/DELETE/MERGE/TRUNCATE its write, CREATE/ALTER/DROP their own), parsed with JSqlParser in
 * the engine's dialect. Statements without tables (SET, SHOW, transaction control, {@code SELECT 1}) use nothing;
 * DESCRIBE, SHOW COLUMNS and SHOW INDEX of a table read it. Any other kind of statement (functions, procedures,
 * schemas, grants, ...) cannot be checked table by table and is marked unchecked. A statement that changes how later
 * statements of the run resolve unqualified names (the search path, current schema or database, the session's role) is
 * marked as such: the gate resolves names to the engine's default schema, so after it the gate would check one table
 * while the engine reads another.
 */
final class StatementUses {

    /** One table occurrence and what the statement does with it. */
    record Use(Table table, Set<TableRight> rights) {

        boolean reads() {
            return rights.contains(TableRight.SELECT);
        }
    }

    /**
     * The parsed statement, its uses, why it cannot be checked table by table (null when it can), and how it changes
     * name resolution for the statements after it (null when it does not).
     */
    record Analysis(Statement statement, List<Use> uses, String unchecked, String changesResolution) {
    }

    /**
     * Session settings that decide which schema, database or role an unqualified name (and the rights on it) resolves
     * to: PostgreSQL's {@code search_path}, {@code ROLE} and {@code SESSION AUTHORIZATION}, DuckDB's {@code schema} and
     * {@code search_path}, H2's {@code SCHEMA}, {@code SCHEMA_SEARCH_PATH} and {@code CATALOG}; {@code RESET ALL} resets
     * the search path among others.
     */
    private static final Set<String> RESOLUTION_SETTINGS = Set.of("search_path", "schema", "schema_search_path", "catalog",
            "database", "role", "authorization", "session_authorization", "all");

    static final class Unparsable extends Exception {
        Unparsable(String reason) {
            super(reason);
        }
    }

    private final Map<Table, Set<TableRight>> rights = new IdentityHashMap<>();
    private final List<Table> order = new ArrayList<>();
    private String unchecked;
    private String changesResolution;
    private String collectorResolution;

    private StatementUses() {
    }

    static Statement parse(String sql, Engine.Dialect dialect) throws Unparsable {
        try {
            // MySQL reads a backslash in a string as an escape: parse as it does, so the gate sees the statement it runs.
            var statements = CCJSqlParserUtil.parseStatements(sql, parser -> parser.withBackslashEscapeCharacter(dialect == Engine.Dialect.MYSQL));
            // A single parse would stop after the first statement, and an engine may run the rest: one statement only.
            if (statements.size() != 1) throw new Unparsable("it holds " + statements.size() + " statements, not one");
            return statements.get(0);
        } catch (JSQLParserException | RuntimeException e) {
            String first = e.getMessage() == null ? "syntax not understood" : e.getMessage().lines().findFirst().orElse("syntax not understood");
            throw new Unparsable(first.length() > 200 ? first.substring(0, 200) + "..." : first);
        }
    }

    static Analysis analyse(String sql, Engine.Dialect dialect) throws Unparsable {
        Statement statement = parse(sql, dialect);
        StatementUses uses = new StatementUses();
        try {
            uses.of(statement);
        } catch (UnsupportedOperationException e) {
            uses.unchecked = "the parser cannot list the tables of this kind of statement";
        }
        List<Use> list = uses.order.stream().map(t -> new Use(t, uses.rights.get(t))).toList();
        String resolution = uses.changesResolution != null ? uses.changesResolution : uses.collectorResolution;
        return new Analysis(statement, list, uses.unchecked, resolution);
    }

    private void of(Statement statement) {
        switch (statement) {
            case Select select -> readAll(collector -> collector.collect(select));
            case Insert insert -> {
                Set<TableRight> write = EnumSet.of(TableRight.INSERT);
                if (insert.getConflictAction() != null || insert.isUseDuplicate()) write.add(TableRight.UPDATE);
                if (insert.getReturningClause() != null) write.add(TableRight.SELECT);
                writeTo(insert.getTable(), write, collector -> collector.collect(insert));
            }
            case Upsert upsert -> writeTo(upsert.getTable(), EnumSet.of(TableRight.INSERT, TableRight.UPDATE, TableRight.DELETE),
                    collector -> collector.collect(upsert));
            case Update update -> {
                writeTo(update.getTable(), returning(update.getReturningClause(), TableRight.UPDATE), collector -> collector.collect(update));
                // MySQL's UPDATE a JOIN b SET ... may write any joined table.
                if (update.getStartJoins() != null && !update.getStartJoins().isEmpty()) {
                    order.forEach(t -> rights.get(t).add(TableRight.UPDATE));
                }
            }
            case Delete delete -> {
                if (delete.getTables() != null && !delete.getTables().isEmpty()) {
                    // DELETE a, b FROM ... names targets by alias: every table of the statement may lose rows.
                    readAll(collector -> collector.collect(delete));
                    order.removeIf(t -> delete.getTables().stream().anyMatch(named -> named == t));
                    order.forEach(t -> rights.get(t).add(TableRight.DELETE));
                } else {
                    writeTo(delete.getTable(), returning(delete.getReturningClause(), TableRight.DELETE), collector -> collector.collect(delete));
                }
            }
            case Merge merge -> {
                Set<TableRight> write = EnumSet.noneOf(TableRight.class);
                if (merge.getOperations() != null) {
                    merge.getOperations().forEach(op -> {
                        if (op instanceof MergeInsert) write.add(TableRight.INSERT);
                        if (op instanceof MergeUpdate) write.add(TableRight.UPDATE);
                        if (op instanceof MergeDelete) write.add(TableRight.DELETE);
                    });
                }
                if (write.isEmpty()) write.addAll(Set.of(TableRight.INSERT, TableRight.UPDATE, TableRight.DELETE));
                writeTo(merge.getTable(), write, collector -> collector.collect(merge));
            }
            case Truncate truncate -> {
                if (truncate.getTables() != null && !truncate.getTables().isEmpty()) truncate.getTables().forEach(t -> add(t, TableRight.DELETE));
                else add(truncate.getTable(), TableRight.DELETE);
            }
            case CreateTable create -> {
                add(create.getTable(), TableRight.CREATE);
                if (create.isOrReplace()) add(create.getTable(), TableRight.DROP);
                if (create.getLikeTable() != null) add(create.getLikeTable(), TableRight.SELECT);
                if (create.getSelect() != null) readAll(collector -> collector.collect(create.getSelect()));
            }
            case CreateView view -> {
                add(view.getView(), TableRight.CREATE);
                if (view.isOrReplace()) add(view.getView(), TableRight.DROP);
                readAll(collector -> collector.collect(view.getSelect()));
            }
            case AlterView view -> {
                add(view.getView(), TableRight.ALTER);
                readAll(collector -> collector.collect(view.getSelect()));
            }
            case Alter alter -> add(alter.getTable(), TableRight.ALTER);
            case CreateIndex index -> add(index.getTable(), TableRight.ALTER);
            case Drop drop -> {
                String type = drop.getType() == null ? "" : drop.getType().toUpperCase(Locale.ROOT);
                if (type.equals("TABLE") || type.equals("VIEW") || type.equals("MATERIALIZED VIEW")) add(drop.getName(), TableRight.DROP);
                else unchecked = "it drops a " + type.toLowerCase(Locale.ROOT) + ", which is not a table";
            }
            case DescribeStatement describe -> add(describe.getTable(), TableRight.SELECT);
            case ShowColumnsStatement show -> add(named(show.getTableName()), TableRight.SELECT);
            case ShowIndexStatement show -> add(named(show.getTableName()), TableRight.SELECT);
            case ExplainStatement explain -> {
                if (explain.getStatement() != null) readAll(collector -> collector.collect(explain.getStatement()));
                else if (explain.getTable() != null) add(explain.getTable(), TableRight.SELECT);
                else unchecked = "it explains a statement the parser does not show";
            }
            case SetStatement set -> {
                for (int i = 0; i < set.getCount(); i++) resolutionSetting("sets", String.valueOf(set.getName(i)));
            }
            case ResetStatement reset -> resolutionSetting("resets", reset.getName());
            case UseStatement use -> changesResolution = "it switches the current " + (use.hasSchemaKeyword() ? "schema" : "database")
                    + " to " + use.getName();
            case ShowStatement ignored -> { }
            case ShowTablesStatement ignored -> { }
            case Commit ignored -> { }
            case RollbackStatement ignored -> { }
            case SavepointStatement ignored -> { }
            default -> unchecked = "a " + statement.getClass().getSimpleName() + " statement is not checked table by table";
        }
    }

    private void resolutionSetting(String verb, String name) {
        if (name == null || changesResolution != null) return;
        String setting = TableCollector.unquote(name).replaceFirst("^@@(session\\.|local\\.|global\\.)?", "");
        if (RESOLUTION_SETTINGS.contains(setting)) {
            changesResolution = "it " + verb + " " + name.trim() + ", which changes the schema or role later statements' table names resolve to";
        }
    }

    /** A write that hands rows back (RETURNING) reads them too. */
    private static Set<TableRight> returning(Object returningClause, TableRight write) {
        return returningClause == null ? EnumSet.of(write) : EnumSet.of(write, TableRight.SELECT);
    }

    /** Every table the collector finds is read; SELECT ... INTO targets are created. */
    private void readAll(Consumer<TableCollector> walk) {
        TableCollector collector = new TableCollector();
        walk.accept(collector);
        collector.tables().forEach(t -> {
            if (collector.selectedInto().stream().noneMatch(into -> into == t)) add(t, TableRight.SELECT);
        });
        collector.selectedInto().forEach(t -> add(t, TableRight.CREATE));
        if (collector.unchecked() != null && unchecked == null) unchecked = collector.unchecked();
        if (collector.changesResolution() != null && collectorResolution == null) collectorResolution = collector.changesResolution();
    }

    /** The target occurrence needs the write rights; every other occurrence (its own subqueries included) is a read. */
    private void writeTo(Table target, Set<TableRight> write, Consumer<TableCollector> walk) {
        readAll(walk);
        if (target == null) {
            unchecked = "its target table could not be found";
            return;
        }
        rights.remove(target);
        order.removeIf(t -> t == target);
        write.forEach(right -> add(target, right));
    }

    /** A table named in a SHOW statement as plain text, {@code schema.table} or {@code table}. */
    private static Table named(String name) {
        if (name == null) return null;
        int dot = name.lastIndexOf('.');
        return dot < 0 ? new Table(name) : new Table(name.substring(0, dot), name.substring(dot + 1));
    }

    private void add(Table table, TableRight right) {
        if (table == null) return;
        if (!rights.containsKey(table)) order.add(table);
        rights.computeIfAbsent(table, t -> EnumSet.noneOf(TableRight.class)).add(right);
    }
}
