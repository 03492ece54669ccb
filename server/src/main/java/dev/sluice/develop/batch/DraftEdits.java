package dev.sluice.develop.batch;

import org.springframework.stereotype.Component;

import dev.sluice.develop.tree.DevFile;
import dev.sluice.develop.tree.DevFiles;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Caller;

/** Applies an update or submit command to a task's draft: its file (name, code) follows, its outputs are claimed. */
@Component
class DraftEdits {

    private final DevFiles files;
    private final VersionedObjects objects;
    private final BatchTasks tasks;

    DraftEdits(DevFiles files, VersionedObjects objects, BatchTasks tasks) {
        this.files = files;
        this.objects = objects;
        this.tasks = tasks;
    }

    /** The object with {@code form} applied to its draft; refusals name {@code command}'s wire paths. */
    DevObject apply(Caller caller, DevObject object, TaskForm form, String command) {
        long user = caller.user().id();
        BatchTask draft = BatchTasks.read(object.draft());
        BatchTask edited = form.applyTo(draft, command);
        DevFile file = files.require(object.tenantId(), object.projectId(), object.id(), user);
        if (!file.name().equals(edited.name())) file = files.rename(file, edited.name(), user, command + ".Name");
        files.updateContent(file, edited.code(), user);
        if (!edited.outputs().equals(draft.outputs())) {
            tasks.claimOutputs(object.tenantId(), object.id(), edited.outputs(), command + ".NodeOutputNameList");
        }
        return objects.updateDraft(object, edited.name(), edited.type().objectType(), BatchTasks.json(edited), user);
    }
}
