package dev.sluice.develop.batch;

import java.util.List;

import dev.sluice.protocol.PopError;

/** Refusals that belong to batch tasks: a type Sluice cannot run, a dependency cycle, dependents still in production. */
public final class BatchTaskErrors {

    /** The code the scheduler answers for a task whose type Sluice does not run. */
    public static final String TASK_TYPE_NOT_RUNNABLE = "UnsupportedOperation.TaskType";
    public static final String DEPENDENCY_CYCLE = "InvalidParameter.DependencyCycle";
    public static final String HAS_DOWNSTREAM = "OperationDenied.DownstreamDependent";

    private BatchTaskErrors() {
    }

    /** A task of {@code type} cannot run here: Sluice stores and publishes it, but has no engine for it. */
    public static PopError notRunnable(TaskType type) {
        return new PopError(TASK_TYPE_NOT_RUNNABLE, 400, "Tasks of type " + type.wireName() + " (" + type.code()
                + ") are stored and published but Sluice cannot run them; runnable types: ADB_FOR_PG, HOLOGRES_SQL and STARROCKS_SQL"
                + " on the project's compute source, DATABASE_SQL on a data source, VIRTUAL.");
    }

    static PopError cycle(List<String> names) {
        return new PopError(DEPENDENCY_CYCLE, 400, "The upstream dependencies would form a cycle: " + String.join(" -> ", names) + ".");
    }

    static PopError downstream(String name, List<String> dependents) {
        return new PopError(HAS_DOWNSTREAM, 400, "'" + name + "' cannot go offline: published tasks depend on its outputs: "
                + String.join(", ", dependents) + "; take them offline or remove the dependency first.");
    }
}
