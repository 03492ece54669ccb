package dev.sluice.develop.batch;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.protocol.PopErrors;

/**
 * A batch task in development (its draft; {@code NeedPublish} says whether a submit still waits for publishing) or in
 * production (its published version). Upstream dependencies no task in production writes are left out unless
 * {@code IncludeAllUpStreams}.
 */
@Action("GetBatchTaskInfo")
final class GetBatchTaskInfo implements OperationHandler<GetBatchTaskInfo.Request, GetBatchTaskInfo.Response> {

    record Request(String env, long fileId, Boolean includeAllUpStreams, long projectId) {
    }

    record Response(TaskInfoView taskInfo) {
    }

    private final BatchTasks tasks;
    private final VersionedObjects objects;
    private final TaskInfos infos;

    GetBatchTaskInfo(BatchTasks tasks, VersionedObjects objects, TaskInfos infos) {
        this.tasks = tasks;
        this.objects = objects;
        this.infos = infos;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Env env = Env.parse(request.env(), Env.DEV, "Env");
        BatchTasks.Readable found = tasks.readable(caller, request.projectId(), request.fileId());
        String payload = env == Env.DEV ? found.object().draft() : objects.production(found.object())
                .orElseThrow(() -> PopErrors.notFound("batch task in production", request.fileId()).exception()).payload();
        TaskInfoView view = infos.view(caller, found.object(), BatchTasks.read(payload), true);
        if (!Boolean.TRUE.equals(request.includeAllUpStreams())) {
            view = new TaskInfoView(view.code(), view.cronExpression(), view.customScheduleConfig(), view.dagId(), view.dataSourceCatalog(),
                    view.dataSourceId(), view.dataSourceSchema(), view.developOwnerId(), view.developOwnerName(), view.fileId(),
                    view.hasDevNode(), view.name(), view.needPublish(), view.nodeDescription(), view.nodeFrom(), view.nodeId(),
                    view.nodeName(), view.nodeOutputNameList(), view.nodeStatus(), view.operatorUserId(), view.opsOwnerId(),
                    view.opsOwnerName(), view.ownerName(), view.ownerUserId(), view.paramList(), view.paused(), view.priority(),
                    view.projectId(), view.published(), view.remark(), view.rerunable(), view.schedulePeriod(), view.scheduleType(),
                    view.sparkClientInfo(), view.status(), view.taskType(),
                    view.upStreamList().stream().filter(u -> Boolean.TRUE.equals(u.sourceNodeEnabled())).toList());
        }
        return new Response(view);
    }
}
