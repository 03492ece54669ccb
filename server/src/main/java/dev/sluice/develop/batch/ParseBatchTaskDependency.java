package dev.sluice.develop.batch;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.sluice.develop.tree.DevAccess;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.permission.StatementTables;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;
import dev.sluice.runner.ScriptSplitter;

/**
 * The dependencies a task's SQL implies: the tables it reads ({@code input}), each mapped to the task in production
 * whose output names it, and the tables it writes ({@code output}). CTE names and aliases are not tables (the
 * permission module's analysis); a table the script both writes and reads is reported on both sides, as the contract
 * warns. Statements the parser cannot read are skipped; {@code ${name}} placeholders are read as the bare name.
 */
@Action("ParseBatchTaskDependency")
final class ParseBatchTaskDependency implements OperationHandler<ParseBatchTaskDependency.Request, ParseBatchTaskDependency.Response> {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]*)}");

    record Request(ParseCommand parseCommand) {
    }

    record ParseCommand(String code, String dataSourceCatalog, Long dataSourceId, String dataSourceSchema, Boolean includeAllInputTables,
                        Boolean needQueryLineages, String operatorType, long projectId) {
    }

    record Response(ParseResult parseResult) {
    }

    record ParseResult(List<DependNode> dependNodeList) {
    }

    record DependNode(String nodeIoType, List<NodeInfo> scheduleNodeInfoList) {
    }

    record NodeInfo(List<String> fieldList, String nodeId, String nodeName, String outputName, String ownerName, String ownerUserId,
                    String tableName) {
    }

    private final DevAccess access;
    private final Engines engines;
    private final BatchTasks tasks;
    private final VersionedObjects objects;
    private final TenantUsers users;

    ParseBatchTaskDependency(DevAccess access, Engines engines, BatchTasks tasks, VersionedObjects objects, TenantUsers users) {
        this.access = access;
        this.engines = engines;
        this.tasks = tasks;
        this.objects = objects;
        this.users = users;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        ParseCommand c = request.parseCommand();
        Project project = access.reader(caller, c.projectId(), Env.DEV);
        Engine.Dialect dialect = dialect(caller, project, c);
        Set<String> reads = new LinkedHashSet<>();
        Set<String> writes = new LinkedHashSet<>();
        String script = PLACEHOLDER.matcher(c.code()).replaceAll(m -> Matcher.quoteReplacement(m.group(1).trim()));
        for (String statement : ScriptSplitter.split(script, dialect)) {
            StatementTables.of(statement, dialect).ifPresent(t -> {
                reads.addAll(t.reads());
                writes.addAll(t.writes());
            });
        }
        TaskGraph production = tasks.production(caller.tenant().id());
        List<NodeInfo> inputs = new ArrayList<>();
        for (String table : reads) {
            Optional<Map.Entry<Long, String>> writer = production.writerOf(table);
            if (writer.isPresent()) {
                DevObject task = objects.find(caller.tenant().id(), writer.get().getKey()).orElseThrow();
                var owner = users.byId(caller, List.of(task.ownerId())).get(task.ownerId());
                inputs.add(new NodeInfo(null, task.nodeId(), task.name(), writer.get().getValue(),
                        owner == null ? null : owner.displayName() == null || owner.displayName().isBlank() ? owner.name() : owner.displayName(),
                        String.valueOf(task.ownerId()), table));
            } else if (Boolean.TRUE.equals(c.includeAllInputTables())) {
                inputs.add(new NodeInfo(null, "-1", null, null, null, null, table));
            }
        }
        List<NodeInfo> outputs = writes.stream().map(t -> new NodeInfo(null, null, null, t, null, null, t)).toList();
        return new Response(new ParseResult(List.of(new DependNode("input", inputs), new DependNode("output", outputs))));
    }

    /** The dialect the SQL is read in: the data source's for DATABASE_SQL, else the project's compute source's (PostgreSQL without one). */
    private Engine.Dialect dialect(Caller caller, Project project, ParseCommand c) {
        String type = c.operatorType() == null ? "" : c.operatorType().trim().toUpperCase(Locale.ROOT);
        if (type.equals(TaskType.DATABASE_SQL.name())) {
            if (c.dataSourceId() == null) throw PopErrors.missingParameter("ParseCommand.DataSourceId").exception();
            return engines.dataSource(caller.tenant().id(), c.dataSourceId(), "ParseCommand.DataSourceId").dialect();
        }
        if (project.computeSourceFor(Env.DEV) == null) return Engine.Dialect.POSTGRESQL;
        return engines.projectCompute(caller.tenant().id(), project.id(), Env.DEV.name(), "ParseCommand.ProjectId").dialect();
    }
}
