package dev.sluice.permission;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import net.sf.jsqlparser.schema.Table;

import dev.sluice.runner.Engine;

/**
 * The tables one statement reads and writes, by the same analysis the SQL gate makes (CTE names and aliases are not
 * tables), for modules that reason about SQL without running it: batch task dependencies. Names come as written,
 * unquoted and in lower case ({@code schema.table} or {@code table}).
 */
public final class StatementTables {

    private static final Set<TableRight> WRITES = EnumSet.of(TableRight.INSERT, TableRight.UPDATE, TableRight.DELETE,
            TableRight.CREATE, TableRight.DROP, TableRight.ALTER);

    /**
     * @param reads  tables whose rows the statement reads
     * @param writes tables it writes, creates, changes or drops (a table may be in both)
     */
    public record Tables(List<String> reads, List<String> writes) {
    }

    private StatementTables() {
    }

    /** The tables of {@code statement} (exactly one statement); empty when it cannot be parsed or its tables listed. */
    public static Optional<Tables> of(String statement, Engine.Dialect dialect) {
        StatementUses.Analysis analysis;
        try {
            analysis = StatementUses.analyse(statement, dialect);
        } catch (StatementUses.Unparsable e) {
            return Optional.empty();
        }
        if (analysis.unchecked() != null) return Optional.empty();
        Set<String> reads = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        for (StatementUses.Use use : analysis.uses()) {
            String name = name(use.table());
            if (use.reads()) reads.add(name);
            if (use.rights().stream().anyMatch(WRITES::contains)) writes.add(name);
        }
        return Optional.of(new Tables(new ArrayList<>(reads), new ArrayList<>(writes)));
    }

    private static String name(Table table) {
        String bare = TableCollector.unquote(table.getName()).toLowerCase(Locale.ROOT);
        return table.getSchemaName() == null ? bare : TableCollector.unquote(table.getSchemaName()).toLowerCase(Locale.ROOT) + "." + bare;
    }
}
