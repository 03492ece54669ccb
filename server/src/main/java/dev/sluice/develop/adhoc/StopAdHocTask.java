package dev.sluice.develop.adhoc;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.runner.SqlRunner;

/**
 * Stops an ad hoc run: the running statement is cancelled on the database, the ones after it never run (all end
 * {@code CANCELLED}). Stopping a run that has already ended succeeds and changes nothing, as in Dataphin's console,
 * where stopping a finished query is harmless; the log shows how the run really ended.
 */
@Action("StopAdHocTask")
final class StopAdHocTask implements OperationHandler<StopAdHocTask.Request, Void> {

    record Request(long projectId, String taskId) {
    }

    private final AdHocRuns runs;
    private final SqlRunner runner;

    StopAdHocTask(AdHocRuns runs, SqlRunner runner) {
        this.runs = runs;
        this.runner = runner;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        runner.stop(runs.requireRun(caller, request.projectId(), request.taskId()));
        return null;
    }
}
