package dev.sluice.permission;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectVisitor;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.util.TablesNamesFinder;

/**
 * Every table reference of a statement, as the parsed nodes themselves (so a table named twice is two occurrences, and
 * the gate can tell the written one from the read ones). JSqlParser's {@code TablesNamesFinder} walks the statement;
 * this subclass replaces its name bookkeeping, which forgets where a CTE's name is visible and treats a subquery's
 * alias as a hidden table name anywhere in the statement. Here a name is a CTE only inside the query that defines it,
 * and only after its definition (or within it, for {@code WITH RECURSIVE}). It also notes what cannot be checked
 * table by table: built-in functions that run SQL or read files, table functions, database links, SELECT ... INTO.
 */
final class TableCollector extends TablesNamesFinder<Void> {

    /** Built-in functions that run a query given as text, reach other databases or read files: their tables are unknown. */
    private static final Set<String> SQL_RUNNING_FUNCTIONS = Set.of("query_to_xml", "query_to_xml_and_xmlschema",
            "query_to_xmlschema", "table_to_xml", "table_to_xml_and_xmlschema", "table_to_xmlschema", "cursor_to_xml",
            "cursor_to_xmlschema", "schema_to_xml", "schema_to_xml_and_xmlschema", "schema_to_xmlschema", "database_to_xml",
            "database_to_xml_and_xmlschema", "database_to_xmlschema", "dblink", "dblink_exec", "pg_read_file",
            "pg_read_binary_file", "pg_ls_dir", "pg_stat_file", "lo_import", "lo_export", "query", "query_table",
            "read_csv", "read_csv_auto", "read_parquet", "read_json", "read_json_auto", "read_text", "read_blob",
            "read_ndjson", "glob", "getenv", "load_file", "sys_exec", "sys_eval", "file_read", "csvread", "csvwrite",
            "link_schema", "file_write");
    /** Table functions that only generate rows. */
    private static final Set<String> ROW_GENERATORS = Set.of("generate_series", "range", "unnest", "system_range");

    private final List<Table> tables = new ArrayList<>();
    private final List<Table> selectedInto = new ArrayList<>();
    private final Deque<Set<String>> cteScopes = new ArrayDeque<>();
    private String unchecked;
    private String changesResolution;

    TableCollector() {
        init(false); // the parent's own bookkeeping must exist, though its answers are not used
    }

    /** The table occurrences found so far, in the order met. */
    List<Table> tables() {
        return tables;
    }

    /** Tables a {@code SELECT ... INTO} creates. */
    List<Table> selectedInto() {
        return selectedInto;
    }

    /** How the statement may change name resolution for later statements (PostgreSQL's set_config), or null. */
    String changesResolution() {
        return changesResolution;
    }

    /** Why the statement cannot be checked table by table, or null. */
    String unchecked() {
        return unchecked;
    }

    void collect(Statement statement) {
        statement.accept(this, null);
    }

    void collect(Select select) {
        select.accept((SelectVisitor<Void>) this, null);
    }

    @Override
    public <S> Void visit(Table table, S context) {
        if (table.getName() != null && table.getName().contains("@")) flag("it reaches another database through a link");
        if (!isCte(table)) tables.add(table);
        return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        String name = function.getName() == null ? "" : function.getName().toLowerCase(Locale.ROOT);
        String last = name.substring(name.lastIndexOf('.') + 1);
        if (SQL_RUNNING_FUNCTIONS.contains(last)) flag("it calls " + last + ", which reads data the gate cannot see");
        // set_config may set search_path or role, whatever its arguments look like (they may be computed).
        if (last.equals("set_config") && changesResolution == null) {
            changesResolution = "it calls set_config, which may change the search path or role later statements' table names resolve to";
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(TableFunction function, S context) {
        String name = function.getFunction().getName() == null ? "" : function.getFunction().getName().toLowerCase(Locale.ROOT);
        if (!ROW_GENERATORS.contains(name.substring(name.lastIndexOf('.') + 1))) {
            flag("it reads from the table function " + name);
        }
        return super.visit(function, context);
    }

    @Override
    public <S> Void visit(Select select, S context) {
        scoped(select.getWithItemsList(), select::setWithItemsList, () -> super.visit(select, context));
        return null;
    }

    @Override
    public <S> Void visit(PlainSelect select, S context) {
        if (select.getIntoTables() != null) selectedInto.addAll(select.getIntoTables());
        if (select.getIntoTempTable() != null) selectedInto.add(select.getIntoTempTable());
        scoped(select.getWithItemsList(), select::setWithItemsList, () -> super.visit(select, context));
        return null;
    }

    @Override
    public <S> Void visit(SetOperationList select, S context) {
        scoped(select.getWithItemsList(), select::setWithItemsList, () -> super.visit(select, context));
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        scoped(select.getWithItemsList(), select::setWithItemsList, () -> super.visit(select, context));
        return null;
    }

    @Override
    public <S> Void visit(Insert insert, S context) {
        scoped(insert.getWithItemsList(), insert::setWithItemsList, () -> super.visit(insert, context));
        return null;
    }

    @Override
    public <S> Void visit(Update update, S context) {
        scoped(update.getWithItemsList(), update::setWithItemsList, () -> super.visit(update, context));
        return null;
    }

    @Override
    public <S> Void visit(Delete delete, S context) {
        scoped(delete.getWithItemsList(), delete::setWithItemsList, () -> super.visit(delete, context));
        return null;
    }

    @Override
    public <S> Void visit(Merge merge, S context) {
        scoped(merge.getWithItemsList(), merge::setWithItemsList, () -> super.visit(merge, context));
        return null;
    }

    /**
     * Visits the WITH items one by one, each seeing the names defined before it (and its own when recursive), then the
     * body with all of them; the list is detached meanwhile so the parent walk does not visit the items again.
     */
    private void scoped(List<WithItem<?>> with, Consumer<List<WithItem<?>>> setter, Runnable body) {
        if (with == null || with.isEmpty()) {
            body.run();
            return;
        }
        Set<String> frame = new HashSet<>();
        cteScopes.push(frame);
        try {
            for (WithItem<?> item : with) {
                String name = unquote(item.getAliasName());
                if (item.isRecursive()) frame.add(name);
                if (item.getSelect() != null) item.getSelect().accept((SelectVisitor<Void>) this, null);
                frame.add(name);
            }
            setter.accept(null);
            try {
                body.run();
            } finally {
                setter.accept(with);
            }
        } finally {
            cteScopes.pop();
        }
    }

    private boolean isCte(Table table) {
        if (table.getSchemaName() != null || table.getDatabaseName() != null) return false;
        String name = unquote(table.getName());
        return cteScopes.stream().anyMatch(frame -> frame.contains(name));
    }

    private void flag(String reason) {
        if (unchecked == null) unchecked = reason;
    }

    /** An identifier as engines compare it here: without its quotes, lower case. */
    static String unquote(String identifier) {
        if (identifier == null) return null;
        String name = identifier.trim();
        if (name.length() >= 2 && (name.startsWith("\"") && name.endsWith("\"") || name.startsWith("`") && name.endsWith("`")
                || name.startsWith("[") && name.endsWith("]"))) {
            name = name.substring(1, name.length() - 1);
        }
        return name.toLowerCase(Locale.ROOT);
    }
}
