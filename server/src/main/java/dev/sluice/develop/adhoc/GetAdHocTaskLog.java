package dev.sluice.develop.adhoc;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.runner.LogPage;
import dev.sluice.runner.RunView;
import dev.sluice.runner.SqlRunner;

/**
 * A page of one statement's log. {@code Offset} counts characters of the log from 0; {@code NextOffset} is where the
 * next call starts, and {@code HasNext} stays true while the statement has not ended (its log may grow) or text is
 * left. {@code TaskStatus} is the statement's state ({@code WAIT_RESOURCE}, {@code RUNNING}, {@code SUCCESS},
 * {@code FAILED}, {@code CANCELLED}).
 */
@Action("GetAdHocTaskLog")
final class GetAdHocTaskLog implements OperationHandler<GetAdHocTaskLog.Request, GetAdHocTaskLog.Response> {

    record Request(long offset, long projectId, long subTaskId, String taskId) {
    }

    record Response(LogInfo logInfo) {
    }

    record LogInfo(String content, boolean hasNext, boolean hasResult, long nextOffset, int subTaskId, String taskId, String taskStatus) {
    }

    private final AdHocRuns runs;
    private final SqlRunner runner;

    GetAdHocTaskLog(AdHocRuns runs, SqlRunner runner) {
        this.runs = runs;
        this.runner = runner;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        RunView run = runs.requireRun(caller, request.projectId(), request.taskId());
        LogPage page = runner.log(run, AdHocRuns.subTask(request.subTaskId()), request.offset(), "SubTaskId", "Offset");
        return new Response(new LogInfo(page.content(), page.hasNext(), page.hasResult(), page.nextOffset(), page.subTaskId(),
                page.runId(), page.subTaskState().name()));
    }
}
