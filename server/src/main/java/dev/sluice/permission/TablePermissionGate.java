package dev.sluice.permission;

import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.sluice.platform.SourceOwners;
import dev.sluice.platform.SourceOwners.OwnedSource;
import dev.sluice.platform.rowpermission.RowRules;
import dev.sluice.protocol.PopError;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunContext;
import dev.sluice.runner.StatementGate;
import net.sf.jsqlparser.schema.Table;

/**
 * The data permissions as the runner meets them, statement by statement. Each table the statement touches becomes a
 * resource id {@code <source name>.<schema>.<table>} (an unqualified name in the engine's default schema; a
 * database or catalog part before the schema is not part of the id) and must be covered by the user's rights
 * ({@link Rights}): reads by SELECT, writes by their operation, DDL by CREATE/ALTER/DROP. Reads of tables where
 * row-level rules bind the user are rewritten to carry the rules' filter; writing to or changing such a table is
 * refused, since a write cannot be confined to the user's rows. A statement the parser cannot read, or one whose
 * tables cannot be listed (procedures, functions that run SQL given as text, table functions, other object kinds),
 * runs only for someone who may do anything on the source, and otherwise is refused as not analysable; so does a
 * statement that changes how the run's later statements resolve names (search path, current schema or database, role),
 * since the gate resolves unqualified names to the engine's default schema for every statement of the run. Unless
 * rewritten, the statement runs exactly as written.
 */
@Component
class TablePermissionGate implements StatementGate {

    private static final long NO_OWNER = -1;

    private final Resources resources;
    private final Rights rights;
    private final RowRules rowRules;

    TablePermissionGate(Resources resources, Rights rights, RowRules rowRules) {
        this.resources = resources;
        this.rights = rights;
        this.rowRules = rowRules;
    }

    @Override
    public String admit(RunContext context, String statement) {
        Engine engine = context.engine();
        SourceOwners.Kind kind = engine.kind() == Engine.Kind.COMPUTE ? SourceOwners.Kind.COMPUTE : SourceOwners.Kind.DATA;
        // A source the platform does not list (the compute source Sluice manages itself) has no owner: only super
        // administrators, project roles and grants open it.
        OwnedSource source = resources.byId(context.tenantId(), kind, engine.sourceId())
                .orElseGet(() -> new OwnedSource(kind, engine.sourceId(), engine.sourceName(), NO_OWNER));
        Rights.Seat seat = rights.runSeat(context.tenantId(), context.projectId(), context.env(), kind, engine.sourceId()).orElse(null);
        boolean mayRunAnything = rights.implied(context.tenantId(), context.userId(), source, seat).containsAll(TableRight.ALL);

        StatementUses.Analysis analysis;
        try {
            analysis = StatementUses.analyse(statement, engine.dialect());
        } catch (StatementUses.Unparsable e) {
            requireFreeHand(context, source, mayRunAnything, PermissionErrors.unanalysable(source.name(), "it does not parse: " + e.getMessage()));
            return statement;
        }
        if (analysis.unchecked() != null) {
            requireFreeHand(context, source, mayRunAnything, PermissionErrors.unanalysable(source.name(), analysis.unchecked()));
        }
        if (analysis.changesResolution() != null) {
            requireFreeHand(context, source, mayRunAnything, PermissionErrors.changesResolution(source.name(), analysis.changesResolution()));
        }
        if (engine.dialect() == Engine.Dialect.MYSQL && statement.contains("/*!")) {
            requireFreeHand(context, source, mayRunAnything,
                    PermissionErrors.unanalysable(source.name(), "MySQL runs the text of /*! */ comments, which a parser skips"));
        }

        Map<String, Set<TableRight>> held = new HashMap<>();
        Map<String, Optional<String>> filters = new HashMap<>();
        Map<Table, String> restricted = new IdentityHashMap<>();
        List<StatementUses.Use> uses = analysis.uses();
        for (StatementUses.Use use : uses) {
            Resource resource = resource(source, use.table(), engine);
            if (!mayRunAnything) {
                Set<TableRight> has = held.computeIfAbsent(resource.id(), id -> rights.held(context.tenantId(), context.userId(), resource, seat));
                for (TableRight needed : use.rights()) {
                    if (!has.contains(needed)) throw PermissionErrors.missingRight(resource.id(), needed).exception();
                }
            }
            Optional<String> filter = filters.computeIfAbsent(resource.id(), id -> rowRules.forUser(context.tenantId(), context.userId(), id));
            if (filter.isEmpty()) continue;
            Optional<TableRight> change = use.rights().stream().filter(r -> r != TableRight.SELECT).findFirst();
            if (change.isPresent()) throw PermissionErrors.rowRulesOnWrite(resource.id(), change.get()).exception();
            restricted.put(use.table(), filter.get());
        }
        if (restricted.isEmpty()) return statement;
        try {
            return RowFilterRewrite.rewrite(analysis.statement(), restricted, engine.dialect());
        } catch (RowFilterRewrite.NotRewritable e) {
            throw PermissionErrors.unanalysable(source.name(), e.getMessage()).exception();
        }
    }

    /**
     * What the gate cannot follow table by table runs only for those who may do anything on the source, and not even for
     * them when row-level rules restrict their reads there: the rules find their tables by name in the statement.
     */
    private void requireFreeHand(RunContext context, OwnedSource source, boolean mayRunAnything, PopError refusal) {
        if (!mayRunAnything) throw refusal.exception();
        if (rowRules.restrictsOnSource(context.tenantId(), context.userId(), source.name())) {
            throw PermissionErrors.uncheckedUnderRowRules(source.name(), refusal.message()).exception();
        }
    }

    static Resource resource(OwnedSource source, Table table, Engine engine) {
        String schema = table.getSchemaName() == null ? engine.defaultSchema() : TableCollector.unquote(table.getSchemaName());
        return Resource.table(source, schema, TableCollector.unquote(table.getName()));
    }
}
