package dev.sluice.develop.batch;

import java.util.List;

import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.SubmitRecord;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/**
 * Saves the command as the task's draft and submits it: the checks of production pass, the draft is frozen as the next
 * version, and a BASIC project publishes it at once (a DEV_PROD one waits for PublishObjectList).
 */
@Action("SubmitBatchTask")
final class SubmitBatchTask implements OperationHandler<SubmitBatchTask.Request, SubmitBatchTask.Response> {

    record Request(SubmitCommand submitCommand) {
    }

    record SubmitCommand(String code, Integer codeTemplateVersion, String comment, String cronExpression,
                         Wire.CustomScheduleConfig customScheduleConfig, String engine, long fileId, String name, String nodeDescription,
                         List<String> nodeOutputNameList, Integer nodeStatus, String offlineCodeTemplateId,
                         List<TemplateParam> offlineCodeTemplateParams, List<Wire.Param> paramList, Integer priority, long projectId,
                         List<String> pythonModuleList, String schedulePeriod, Wire.SparkClientInfo sparkClientInfo,
                         List<Wire.UpStream> upStreamList) {
    }

    record TemplateParam(String description, Boolean encryptEnabled, String key, String value) {
    }

    record Response(SubmitResult submitResult) {
    }

    record SubmitResult(String nodeId, long submitId) {
    }

    private final BatchTasks tasks;
    private final DraftEdits edits;
    private final VersionedObjects objects;

    SubmitBatchTask(BatchTasks tasks, DraftEdits edits, VersionedObjects objects) {
        this.tasks = tasks;
        this.edits = edits;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        SubmitCommand c = request.submitCommand();
        BatchTasks.Readable found = tasks.writable(caller, c.projectId(), c.fileId());
        tasks.requireSubmitter(caller, found.project(), found.object());
        if (c.offlineCodeTemplateId() != null && !c.offlineCodeTemplateId().isBlank()) {
            throw dev.sluice.protocol.PopErrors.invalidParameter("SubmitCommand.OfflineCodeTemplateId",
                    "code templates are not kept by Sluice; submit the code itself").exception();
        }
        DevObject object = edits.apply(caller, found.object(), new TaskForm(c.name(), c.nodeDescription(), null, c.code(),
                c.cronExpression(), c.customScheduleConfig(), null, null, null, c.engine(), c.nodeStatus(), c.nodeOutputNameList(),
                c.paramList(), c.priority(), c.pythonModuleList(), c.schedulePeriod(), c.sparkClientInfo(), c.upStreamList()),
                "SubmitCommand");
        tasks.checkSubmit(found.project(), object, BatchTasks.read(object.draft()), "SubmitCommand");
        SubmitRecord submit = objects.submit(found.project(), object, c.comment(), caller.user().id());
        return new Response(new SubmitResult(object.nodeId(), submit.id()));
    }
}
