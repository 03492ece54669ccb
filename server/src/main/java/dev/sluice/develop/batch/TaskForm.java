package dev.sluice.develop.batch;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.sluice.protocol.PopErrors;

/**
 * What an update or a submit command says about a task, checked and applied to the draft. An absent optional value
 * keeps the draft's; a list given (even empty) replaces it.
 */
record TaskForm(String name, String description, Integer taskType, String code, String cronExpression,
                Wire.CustomScheduleConfig customSchedule, String dataSourceId, String dataSourceCatalog, String dataSourceSchema,
                String engine, Integer nodeStatus, List<String> outputs, List<Wire.Param> params, Integer priority,
                List<String> pythonModules, String schedulePeriod, Wire.SparkClientInfo sparkClient, List<Wire.UpStream> upstreams) {

    static final int MAX_OUTPUT = 256;

    /** The draft with this form applied; refusals name {@code command}'s wire paths. */
    BatchTask applyTo(BatchTask draft, String command) {
        int type = taskType == null ? draft.taskType() : TaskType.parse(taskType, command + ".TaskType").code();
        if (cronExpression != null && !cronExpression.isBlank()) Schedules.cron(cronExpression, command + ".CronExpression");
        BatchTask.CustomSchedule custom = customSchedule == null ? draft.customSchedule()
                : Schedules.custom(customSchedule, command + ".CustomScheduleConfig");
        return draft.with(name, description == null ? draft.description() : description, type, code,
                cronExpression == null ? draft.cronExpression() : blankToNull(cronExpression), custom,
                dataSourceId == null ? draft.dataSourceId() : blankToNull(dataSourceId),
                dataSourceCatalog == null ? draft.dataSourceCatalog() : blankToNull(dataSourceCatalog),
                dataSourceSchema == null ? draft.dataSourceSchema() : blankToNull(dataSourceSchema),
                engine == null ? draft.engine() : blankToNull(engine),
                nodeStatus == null ? draft.nodeStatus() : nodeStatus,
                outputs == null ? draft.outputs() : outputs(outputs, command + ".NodeOutputNameList"),
                params == null ? draft.params() : params(params, command + ".ParamList"),
                priority == null ? draft.priority() : priority,
                pythonModules == null ? draft.pythonModules() : pythonModules,
                schedulePeriod == null ? draft.schedulePeriod() : schedulePeriod.trim().toUpperCase(Locale.ROOT),
                sparkClient == null ? draft.sparkClientVersion() : sparkClient.sparkClientVersion(),
                upstreams == null ? draft.upstreams() : upstreams(upstreams, command + ".UpStreamList"));
    }

    private static List<String> outputs(List<String> names, String path) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i) == null ? "" : names.get(i).trim();
            String at = path + "[" + i + "]";
            if (name.isEmpty()) throw PopErrors.invalidParameter(at, "an output name is not blank").exception();
            if (name.length() > MAX_OUTPUT) throw PopErrors.invalidParameter(at, "an output name has at most " + MAX_OUTPUT + " characters").exception();
            if (!seen.add(name)) throw PopErrors.invalidParameter(at, "'" + name + "' is listed twice").exception();
            out.add(name);
        }
        return out;
    }

    private static List<BatchTask.Param> params(List<Wire.Param> given, String path) {
        Set<String> seen = new HashSet<>();
        List<BatchTask.Param> out = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            Wire.Param p = given.get(i);
            String at = path + "[" + i + "]";
            if (p == null || p.key() == null || p.key().isBlank()) throw PopErrors.missingParameter(at + ".Key").exception();
            if (p.value() == null) throw PopErrors.missingParameter(at + ".Value").exception();
            if (!p.key().matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
                throw PopErrors.invalidParameter(at + ".Key", "'" + PopErrors.excerpt(p.key())
                        + "' is not a parameter name (a letter or _, then letters, digits, _ . -), as ${name} uses it").exception();
            }
            if (!seen.add(p.key())) throw PopErrors.invalidParameter(at + ".Key", "'" + p.key() + "' is given twice").exception();
            out.add(new BatchTask.Param(p.key(), p.value()));
        }
        return out;
    }

    private static List<BatchTask.Upstream> upstreams(List<Wire.UpStream> given, String path) {
        List<BatchTask.Upstream> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            Wire.UpStream u = given.get(i);
            String at = path + "[" + i + "]";
            if (u == null || u.sourceNodeOutputName() == null || u.sourceNodeOutputName().isBlank()) {
                throw PopErrors.missingParameter(at + ".SourceNodeOutputName").exception();
            }
            if (u.periodDiff() == null) throw PopErrors.missingParameter(at + ".PeriodDiff").exception();
            String output = u.sourceNodeOutputName().trim();
            if (!seen.add(output)) throw PopErrors.invalidParameter(at + ".SourceNodeOutputName", "'" + output + "' is listed twice").exception();
            String periodType = null;
            Integer offset = null;
            if (u.dependPeriod() != null) {
                if (u.dependPeriod().periodType() == null || u.dependPeriod().periodType().isBlank()) {
                    throw PopErrors.missingParameter(at + ".DependPeriod.PeriodType").exception();
                }
                periodType = u.dependPeriod().periodType().trim().toUpperCase(Locale.ROOT);
                offset = u.dependPeriod().periodOffset();
                if (periodType.equals("LAST_N_PERIOD") && offset == null) {
                    throw PopErrors.missingParameter(at + ".DependPeriod.PeriodOffset").exception();
                }
            }
            String strategy = u.dependStrategy() == null || u.dependStrategy().isBlank() ? "ALL" : u.dependStrategy().trim().toUpperCase(Locale.ROOT);
            out.add(new BatchTask.Upstream(output, u.periodDiff(), strategy, periodType, offset, u.fieldList(), u.nodeType(),
                    u.sourceNodeEnabled(), u.sourceNodeId(), u.sourceTableName()));
        }
        return out;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
