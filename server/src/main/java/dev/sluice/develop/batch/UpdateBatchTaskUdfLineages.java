package dev.sluice.develop.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * Declares the lineage a task's custom functions make (which tables feed which), replacing the draft's; each submit
 * freezes it with the version, so every version keeps its own.
 */
@Action("UpdateBatchTaskUdfLineages")
final class UpdateBatchTaskUdfLineages implements OperationHandler<UpdateBatchTaskUdfLineages.Request, UpdateBatchTaskUdfLineages.Response> {

    record Request(UpdateCommand updateCommand) {
    }

    record UpdateCommand(long fileId, List<LineageGroup> lineageGroupList, long projectId) {
    }

    record LineageGroup(List<Lineage> inputLineageList, List<Lineage> outputLineageList) {
    }

    record Lineage(List<String> columnList, String env, Boolean fullTable, String name) {
    }

    record Response() {
    }

    private final BatchTasks tasks;
    private final VersionedObjects objects;

    UpdateBatchTaskUdfLineages(BatchTasks tasks, VersionedObjects objects) {
        this.tasks = tasks;
        this.objects = objects;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        UpdateCommand c = request.updateCommand();
        BatchTasks.Readable found = tasks.writable(caller, c.projectId(), c.fileId());
        if (c.lineageGroupList() == null) throw PopErrors.missingParameter("UpdateCommand.LineageGroupList").exception();
        List<BatchTask.LineageGroup> groups = new ArrayList<>();
        for (int i = 0; i < c.lineageGroupList().size(); i++) {
            LineageGroup group = c.lineageGroupList().get(i);
            String at = "UpdateCommand.LineageGroupList[" + i + "]";
            if (group == null) throw PopErrors.missingParameter(at).exception();
            groups.add(new BatchTask.LineageGroup(tables(group.inputLineageList(), at + ".InputLineageList"),
                    tables(group.outputLineageList(), at + ".OutputLineageList")));
        }
        BatchTask draft = BatchTasks.read(found.object().draft()).withLineages(groups);
        objects.updateDraft(found.object(), draft.name(), draft.type().objectType(), BatchTasks.json(draft), caller.user().id());
        return new Response();
    }

    private static List<BatchTask.LineageTable> tables(List<Lineage> given, String path) {
        if (given == null) throw PopErrors.missingParameter(path).exception();
        List<BatchTask.LineageTable> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Lineage l = given.get(i);
            String at = path + "[" + i + "]";
            if (l == null || l.name() == null || l.name().isBlank()) throw PopErrors.missingParameter(at + ".Name").exception();
            if (l.env() == null || l.env().isBlank()) throw PopErrors.missingParameter(at + ".Env").exception();
            String env = l.env().trim().toUpperCase(Locale.ROOT);
            if (!env.equals("DEV") && !env.equals("PROD")) {
                throw PopErrors.invalidParameter(at + ".Env", "expected DEV or PROD, got '" + PopErrors.excerpt(l.env()) + "'").exception();
            }
            if (l.fullTable() == null) throw PopErrors.missingParameter(at + ".FullTable").exception();
            List<String> columns = l.columnList() == null ? List.of() : l.columnList();
            if (!l.fullTable() && columns.isEmpty()) {
                throw PopErrors.invalidParameter(at + ".ColumnList", "list the columns, or set FullTable for the whole table").exception();
            }
            out.add(new BatchTask.LineageTable(l.name().trim(), env, l.fullTable(), columns));
        }
        return out;
    }
}
