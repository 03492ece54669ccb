package dev.sluice.develop.adhoc;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.runner.RunView;
import dev.sluice.runner.SqlRunner;

/**
 * One statement's result: for a query that ended, the JSON text
 * {@code {"columns":[{"name":..,"type":..}],"rows":[[...]],"truncated":bool}} ({@code sluice.runner.max-result-rows}
 * rows at most); no {@code Result} while the statement waits or runs, and none for a statement that returns no rows
 * (its log says how many rows it changed). An ad hoc run has no scheduling task, so {@code ScheduleTaskId} is absent.
 */
@Action("GetAdHocTaskResult")
final class GetAdHocTaskResult implements OperationHandler<GetAdHocTaskResult.Request, GetAdHocTaskResult.Response> {

    record Request(long projectId, long subTaskId, String taskId) {
    }

    record Response(ExecuteResult executeResult) {
    }

    record ExecuteResult(String result, String scheduleTaskId, String taskId) {
    }

    private final AdHocRuns runs;
    private final SqlRunner runner;

    GetAdHocTaskResult(AdHocRuns runs, SqlRunner runner) {
        this.runs = runs;
        this.runner = runner;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        RunView run = runs.requireRun(caller, request.projectId(), request.taskId());
        String result = runner.result(run, AdHocRuns.subTask(request.subTaskId()), "SubTaskId").orElse(null);
        return new Response(new ExecuteResult(result, null, run.id()));
    }
}
