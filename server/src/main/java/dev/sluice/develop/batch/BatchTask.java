package dev.sluice.develop.batch;

import java.util.List;

/**
 * A batch task as its draft and each of its versions hold it (JSON in the versioned object store), the shape the
 * scheduler reads from a published version.
 *
 * @param taskType     the contract's node type number ({@link TaskType})
 * @param scheduleType 1 periodic, 3 manual
 * @param nodeStatus   1 normal, 2 paused, 3 dry run
 * @param priority     1 (highest) to 9
 * @param outputs      the output names other tasks depend on (unique in the tenant)
 */
public record BatchTask(String name, String description, int taskType, int scheduleType, String code, String cronExpression,
                        CustomSchedule customSchedule, String dataSourceId, String dataSourceCatalog, String dataSourceSchema,
                        String engine, int nodeStatus, List<String> outputs, List<Param> params, int priority,
                        List<String> pythonModules, String schedulePeriod, String sparkClientVersion, List<Upstream> upstreams,
                        List<LineageGroup> udfLineages) {

    public static final int PERIODIC = 1;
    public static final int MANUAL = 3;

    public BatchTask {
        outputs = outputs == null ? List.of() : List.copyOf(outputs);
        params = params == null ? List.of() : List.copyOf(params);
        pythonModules = pythonModules == null ? List.of() : List.copyOf(pythonModules);
        upstreams = upstreams == null ? List.of() : List.copyOf(upstreams);
        udfLineages = udfLineages == null ? List.of() : List.copyOf(udfLineages);
    }

    public TaskType type() {
        return TaskType.of(taskType).orElseThrow();
    }

    /** An interval within a daily window, e.g. every 30 MINUTE from 08:00 to 20:00. */
    public record CustomSchedule(String startTime, String endTime, int interval, String intervalUnit, String schedulePeriod) {
    }

    public record Param(String key, String value) {
    }

    /**
     * A dependency on the task whose output is {@code outputName}, {@code periodDiff} periods back, with how many of its
     * instances count ({@code dependStrategy}) over which period.
     */
    public record Upstream(String outputName, int periodDiff, String dependStrategy, String periodType, Integer periodOffset,
                           List<String> fieldList, String nodeType, Boolean sourceNodeEnabled, String sourceNodeId,
                           String sourceTableName) {
    }

    /**
     * Lineage through a custom function the SQL parser cannot see into: the tables (and columns) read and written, as
     * the developer declares them.
     */
    public record LineageGroup(List<LineageTable> inputs, List<LineageTable> outputs) {
    }

    /** A table of a lineage: its name, environment, and either all its columns ({@code fullTable}) or those listed. */
    public record LineageTable(String name, String env, boolean fullTable, List<String> columns) {
    }

    BatchTask withLineages(List<LineageGroup> groups) {
        return new BatchTask(name, description, taskType, scheduleType, code, cronExpression, customSchedule, dataSourceId,
                dataSourceCatalog, dataSourceSchema, engine, nodeStatus, outputs, params, priority, pythonModules, schedulePeriod,
                sparkClientVersion, upstreams, groups);
    }

    BatchTask with(String name, String description, int taskType, String code, String cronExpression, CustomSchedule customSchedule,
                   String dataSourceId, String dataSourceCatalog, String dataSourceSchema, String engine, int nodeStatus,
                   List<String> outputs, List<Param> params, int priority, List<String> pythonModules, String schedulePeriod,
                   String sparkClientVersion, List<Upstream> upstreams) {
        return new BatchTask(name, description, taskType, scheduleType, code, cronExpression, customSchedule, dataSourceId,
                dataSourceCatalog, dataSourceSchema, engine, nodeStatus, outputs, params, priority, pythonModules, schedulePeriod,
                sparkClientVersion, upstreams, udfLineages);
    }
}
