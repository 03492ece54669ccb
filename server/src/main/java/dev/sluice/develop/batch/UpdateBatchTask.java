package dev.sluice.develop.batch;

import java.util.List;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** Replaces a batch task's draft (versions and production are untouched until a submit). */
@Action("UpdateBatchTask")
final class UpdateBatchTask implements OperationHandler<UpdateBatchTask.Request, UpdateBatchTask.Response> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(String code, String cronExpression, Wire.CustomScheduleConfig customScheduleConfig, String dataSourceCatalog,
                         String dataSourceId, String dataSourceSchema, String engine, long fileId, String name, String nodeDescription,
                         List<String> nodeOutputNameList, Integer nodeStatus, List<Wire.Param> paramList, Integer priority,
                         long projectId, List<String> pythonModuleList, String schedulePeriod, Wire.SparkClientInfo sparkClientInfo,
                         Integer taskType, List<Wire.UpStream> upStreamList) {
    }

    record Response(UpdateResult updateResult) {
    }

    record UpdateResult(long fileId) {
    }

    private final BatchTasks tasks;
    private final DraftEdits edits;

    UpdateBatchTask(BatchTasks tasks, DraftEdits edits) {
        this.tasks = tasks;
        this.edits = edits;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        UpdateCommand c = request.updateCommand();
        BatchTasks.Readable found = tasks.writable(caller, c.projectId(), c.fileId());
        edits.apply(caller, found.object(), new TaskForm(c.name(), c.nodeDescription(), c.taskType(), c.code(), c.cronExpression(),
                c.customScheduleConfig(), c.dataSourceId(), c.dataSourceCatalog(), c.dataSourceSchema(), c.engine(), c.nodeStatus(),
                c.nodeOutputNameList(), c.paramList(), c.priority(), c.pythonModuleList(), c.schedulePeriod(), c.sparkClientInfo(),
                c.upStreamList()), "UpdateCommand");
        return new Response(new UpdateResult(c.fileId()));
    }
}
