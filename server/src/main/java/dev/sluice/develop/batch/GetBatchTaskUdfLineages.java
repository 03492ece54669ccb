package dev.sluice.develop.batch;

import java.util.List;

import dev.sluice.develop.version.DevObject;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;

/** The custom function lineage declared on a task's draft (UpdateBatchTaskUdfLineages). */
@Action("GetBatchTaskUdfLineages")
final class GetBatchTaskUdfLineages implements OperationHandler<GetBatchTaskUdfLineages.Request, GetBatchTaskUdfLineages.Response> {

    record Request(long fileId, long projectId) {
    }

    record Response(Data data) {
    }

    record Data(List<LineageGroup> lineageGroupList) {
    }

    record LineageGroup(List<Lineage> inputLineageList, List<Lineage> outputLineageList) {
    }

    record Lineage(List<Column> columnList, String env, boolean fullTable, String name, String projectId, String projectName) {
    }

    record Column(String name) {
    }

    private final BatchTasks tasks;

    GetBatchTaskUdfLineages(BatchTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        BatchTasks.Readable found = tasks.readable(caller, request.projectId(), request.fileId());
        DevObject object = found.object();
        List<LineageGroup> groups = BatchTasks.read(object.draft()).udfLineages().stream()
                .map(g -> new LineageGroup(view(g.inputs(), found), view(g.outputs(), found))).toList();
        return new Response(new Data(groups));
    }

    private static List<Lineage> view(List<BatchTask.LineageTable> tables, BatchTasks.Readable found) {
        return tables.stream().map(t -> new Lineage(t.columns().stream().map(Column::new).toList(), t.env(), t.fullTable(), t.name(),
                String.valueOf(found.project().id()), found.project().name())).toList();
    }
}
