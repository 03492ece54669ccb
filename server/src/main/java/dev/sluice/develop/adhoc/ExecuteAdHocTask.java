package dev.sluice.develop.adhoc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunContext;
import dev.sluice.runner.RunRequest;
import dev.sluice.runner.SqlRunner;

/**
 * Starts a script as an ad hoc run and answers at once with its id and how many statements (subtasks) it holds; the
 * statements run in order in the background, each passing the permission check first. {@code DataSourceCatalog} and
 * {@code DataSourceSchema} apply only to engines that need them (Presto, Oracle), none of which Sluice runs, so they are
 * accepted and not used.
 */
@Action("ExecuteAdHocTask")
final class ExecuteAdHocTask implements OperationHandler<ExecuteAdHocTask.Request, ExecuteAdHocTask.Response> {

    record Request(Command executeCommand) {
    }

    record Command(String code, String dataSourceCatalog, Long dataSourceId, String dataSourceSchema, String operatorType,
                   List<Param> paramList, Long projectId) {
    }

    record Param(String key, String value) {
    }

    record Response(ExecuteResult executeResult) {
    }

    record ExecuteResult(int subTaskCount, String taskId) {
    }

    private static final RunRequest.WirePaths PATHS = new RunRequest.WirePaths("ExecuteCommand.Code", "ExecuteCommand.ParamList");

    private final AdHocRuns runs;
    private final SqlRunner runner;
    private final AdHocSettings settings;

    ExecuteAdHocTask(AdHocRuns runs, SqlRunner runner, AdHocSettings settings) {
        this.runs = runs;
        this.runner = runner;
        this.settings = settings;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Command command = request.executeCommand();
        if (command == null) throw PopErrors.missingParameter("ExecuteCommand").exception();
        if (command.projectId() == null) throw PopErrors.missingParameter("ExecuteCommand.ProjectId").exception();
        if (command.code() == null || command.code().isBlank()) throw PopErrors.missingParameter("ExecuteCommand.Code").exception();
        if (command.operatorType() == null || command.operatorType().isBlank()) {
            throw PopErrors.missingParameter("ExecuteCommand.OperatorType").exception();
        }
        Project project = runs.requireRunner(caller, command.projectId());
        String env = AdHocRuns.env(project).name();
        Map<String, String> params = params(command.paramList());
        Engine engine = OperatorTypes.engine(runner.engines(), caller.tenant().id(), project.id(), env, command.operatorType(),
                command.dataSourceId());
        RunContext context = new RunContext(caller.tenant().id(), caller.user().id(), project.id(), env, engine);
        String label = command.operatorType().trim().toUpperCase(java.util.Locale.ROOT);
        String taskId = runner.start(new RunRequest(context, label, command.code(), params, settings.timeout(), PATHS));
        int statements = runner.find(caller.tenant().id(), taskId).orElseThrow().subTasks().size();
        return new Response(new ExecuteResult(statements, taskId));
    }

    private static Map<String, String> params(List<Param> list) {
        Map<String, String> params = new LinkedHashMap<>();
        if (list == null) return params;
        for (int i = 0; i < list.size(); i++) {
            Param p = list.get(i);
            String path = "ExecuteCommand.ParamList[" + i + "]";
            if (p == null || p.key() == null || p.key().isBlank()) throw PopErrors.missingParameter(path + ".Key").exception();
            if (p.value() == null) throw PopErrors.missingParameter(path + ".Value").exception();
            if (params.put(p.key().trim(), p.value()) != null) {
                throw PopErrors.invalidParameter(path + ".Key", "the parameter '" + p.key().trim() + "' is given twice.").exception();
            }
        }
        return params;
    }
}
