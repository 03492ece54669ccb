package dev.sluice.develop.batch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.ChangeType;
import dev.sluice.develop.version.PublishGuard;

/**
 * What batch tasks ask of a publish, judged on production as it will be with the publish's changes: a task's upstream
 * outputs are written by some task there, it lies on no cycle, and a task going offline leaves no dependent behind.
 */
@Component
class BatchTaskGuard implements PublishGuard {

    private final BatchTasks tasks;

    BatchTaskGuard(BatchTasks tasks) {
        this.tasks = tasks;
    }

    @Override
    public String kind() {
        return BatchTasks.KIND;
    }

    @Override
    public Map<Long, String> refusals(long tenantId, List<Change> changes) {
        TaskGraph graph = tasks.production(tenantId);
        Map<Long, String> names = new LinkedHashMap<>();
        for (Change change : changes) {
            BatchTask task = BatchTasks.read(change.version().payload());
            names.put(change.submit().objectId(), task.name());
            graph.put(change.submit().objectId(), change.submit().changeType() == ChangeType.DELETE ? null : task);
        }
        Map<Long, String> refused = new LinkedHashMap<>();
        for (Change change : changes) {
            long id = change.submit().objectId();
            if (change.submit().changeType() == ChangeType.DELETE) {
                List<String> dependents = graph.put(id, BatchTasks.read(change.version().payload())).dependents(id);
                graph.put(id, null);
                if (!dependents.isEmpty()) refused.put(change.submit().id(), BatchTaskErrors.downstream(names.get(id), dependents).message());
                continue;
            }
            List<String> missing = graph.missingUpstreams(id);
            if (!missing.isEmpty()) {
                refused.put(change.submit().id(), "'" + names.get(id) + "' depends on " + missing
                        + ", which no task in production or in this publish outputs");
                continue;
            }
            graph.cycleThrough(id).ifPresent(cycle -> refused.put(change.submit().id(), BatchTaskErrors.cycle(cycle).message()));
        }
        return refused;
    }
}
