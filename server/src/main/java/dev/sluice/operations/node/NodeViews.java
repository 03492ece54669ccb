package dev.sluice.operations.node;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.account.User;
import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.TaskType;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.TenantUsers;
import dev.sluice.operations.node.ProductionNodes.Node;
import dev.sluice.platform.project.Project;

/** How a node shows on the wire: its users named, priority and period as the contract spells them, and its status. */
@Component
class NodeViews {

    /** Where a node comes from and what it is: code tasks of data development. */
    static final String FROM = "DATA_PROCESS";
    static final String NODE_TYPE = "DATA_PROCESS";

    private final TenantUsers users;
    private final PausedNodes paused;

    NodeViews(TenantUsers users, PausedNodes paused) {
        this.users = users;
        this.paused = paused;
    }

    record UserRef(String id, String name) {
    }

    record ProjectRef(String id, String name) {
    }

    /** The node details of {@code GetPhysicalNode} and (without schedule and outputs) {@code GetPhysicalNodeByOutputName}. */
    record NodeInfo(Long createTime, UserRef creator, String cronExpression, Long dataSourceId, String dataSourceSchema, String description,
                    String from, String id, Long lastModifiedTime, UserRef modifier, String name, String operatorType,
                    List<String> outputNameList, UserRef owner, String priority, ProjectRef projectInfo, String scheduleType,
                    String status, String triggerConfig) {
    }

    NodeInfo info(Caller caller, Project project, Node node, boolean withSchedule) {
        Names names = names(caller, List.of(node.object().createdBy(), node.object().modifiedBy(), node.object().ownerId()));
        BatchTask task = node.task();
        return new NodeInfo(node.object().createdAt(), names.ref(node.object().createdBy()), withSchedule ? task.cronExpression() : null,
                withSchedule ? dataSourceId(task) : null, withSchedule ? task.dataSourceSchema() : null, task.description(), FROM, node.id(),
                node.object().modifiedAt(), names.ref(node.object().modifiedBy()), task.name(), operatorType(task),
                withSchedule ? task.outputs() : null, names.ref(node.object().ownerId()), priority(task.priority()), project(project),
                period(task), status(node), null);
    }

    static ProjectRef project(Project project) {
        return new ProjectRef(String.valueOf(project.id()), project.displayName() == null ? project.name() : project.displayName());
    }

    private static Long dataSourceId(BatchTask task) {
        try {
            return task.dataSourceId() == null ? null : Long.valueOf(task.dataSourceId());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String operatorType(BatchTask task) {
        return TaskType.of(task.taskType()).map(TaskType::name).orElse(String.valueOf(task.taskType()));
    }

    /** Whether the node's future instances are held: paused by O&M, or submitted paused ({@code NodeStatus} 2). */
    boolean paused(Node node) {
        return node.task().nodeStatus() == 2 || paused.held(node.object().tenantId(), node.object().projectId(), node.id());
    }

    /** {@code PAUSED}, {@code DRY_RUN} (it succeeds without running) or {@code NORMAL}. */
    String status(Node node) {
        if (paused(node)) return "PAUSED";
        return node.task().nodeStatus() == 3 ? "DRY_RUN" : "NORMAL";
    }

    /** The contract's five priority names over the tasks' 1 (highest) to 9. */
    static String priority(int priority) {
        if (priority <= 2) return "HIGHEST";
        if (priority <= 4) return "HIGH";
        if (priority == 5) return "MIDDLE";
        if (priority <= 7) return "LOW";
        return "LOWEST";
    }

    /**
     * The scheduling period: the one the task names, else read off its Quartz cron (seconds minutes hours day-of-month
     * month day-of-week): minutes or hours repeating, a day of the month or of the week fixed, otherwise daily; null for
     * a manual task.
     */
    static String period(BatchTask task) {
        if (task.schedulePeriod() != null && !task.schedulePeriod().isBlank()) return task.schedulePeriod().toUpperCase(Locale.ROOT);
        if (task.customSchedule() != null) {
            String unit = task.customSchedule().intervalUnit();
            return "MINUTE".equalsIgnoreCase(unit) ? "MINUTELY" : "HOURLY";
        }
        if (task.scheduleType() == BatchTask.MANUAL || task.cronExpression() == null) return null;
        String[] f = task.cronExpression().trim().split("\\s+");
        if (f.length < 6) return null;
        if (repeats(f[1])) return "MINUTELY";
        if (repeats(f[2])) return "HOURLY";
        if (fixed(f[4])) return "YEARLY";
        if (fixed(f[3])) return "MONTHLY";
        if (fixed(f[5])) return "WEEKLY";
        return "DAILY";
    }

    private static boolean repeats(String field) {
        return field.contains("*") || field.contains("/") || field.contains(",") || field.contains("-");
    }

    private static boolean fixed(String field) {
        return !field.equals("*") && !field.equals("?");
    }

    /** The users' display names (their ids for users no longer in the tenant). */
    Names names(Caller caller, Collection<Long> ids) {
        Map<Long, User> found = users.byId(caller, ids.stream().distinct().toList());
        Map<Long, String> names = new HashMap<>();
        for (long id : ids) {
            names.put(id, Optional.ofNullable(found.get(id))
                    .map(u -> u.displayName() == null || u.displayName().isBlank() ? u.name() : u.displayName()).orElse(String.valueOf(id)));
        }
        return new Names(names);
    }

    record Names(Map<Long, String> names) {
        UserRef ref(long id) {
            return new UserRef(String.valueOf(id), names.getOrDefault(id, String.valueOf(id)));
        }
    }
}
