package dev.sluice.develop.batch;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.develop.version.ChangeType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.SubmitRecord;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.dispatch.UniqueWrites;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRole;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.Engine;
import dev.sluice.runner.Engines;
import dev.sluice.runner.RunContext;
import dev.sluice.runner.ScriptParams;
import dev.sluice.runner.ScriptSplitter;
import dev.sluice.runner.StatementGate;

/**
 * Batch tasks on top of the versioned object store: their drafts as {@link BatchTask} JSON, output names claimed per
 * tenant, who may submit, and the checks a task passes before it may reach production.
 */
@Service
class BatchTasks {

    static final String KIND = "BATCH_TASK";
    static final String WHAT = "batch task";

    private final VersionedObjects objects;
    private final DevAccess devAccess;
    private final Access access;
    private final ProjectRoles roles;
    private final JdbcClient jdbc;
    private final Engines engines;
    private final StatementGate gate;
    private final DisplayTime time;
    private final java.time.Clock clock;
    private final TransactionTemplate savepoint;

    BatchTasks(VersionedObjects objects, DevAccess devAccess, Access access, ProjectRoles roles, JdbcClient jdbc, Engines engines,
               StatementGate gate, DisplayTime time, java.time.Clock clock, TransactionTemplate transaction) {
        this.objects = objects;
        this.devAccess = devAccess;
        this.access = access;
        this.roles = roles;
        this.jdbc = jdbc;
        this.engines = engines;
        this.gate = gate;
        this.time = time;
        this.clock = clock;
        this.savepoint = new TransactionTemplate(transaction.getTransactionManager());
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    static String json(BatchTask task) {
        return RpcJson.MAPPER.writeValueAsString(task);
    }

    static BatchTask read(String json) {
        return RpcJson.MAPPER.readValue(json, BatchTask.class);
    }

    /** The project's batch task {@code fileId}, if the caller may read the project's trees. */
    Readable readable(Caller caller, long projectId, long fileId) {
        Project project = devAccess.reader(caller, projectId, Env.DEV);
        return new Readable(project, objects.require(caller.tenant().id(), projectId, fileId, KIND, WHAT));
    }

    record Readable(Project project, DevObject object) {
    }

    /** {@link #readable}, and the caller may change the project's code tasks. */
    Readable writable(Caller caller, long projectId, long fileId) {
        Readable found = readable(caller, projectId, fileId);
        devAccess.writer(caller, projectId, dev.sluice.develop.tree.Category.CODE_MANAGE);
        return found;
    }

    /** The task's owner, the project's administrators and super administrators submit it and take it offline. */
    void requireSubmitter(Caller caller, Project project, DevObject object) {
        access.require(caller, () -> access.isSuperAdmin(caller) || object.ownerId() == caller.user().id()
                        || roles.of(project, Env.DEV, caller.user().id()).contains(ProjectRole.PROJECT_ADMIN),
                "batch task '" + object.name() + "'", "its owner, the project's administrators or super administrators");
    }

    /**
     * Makes {@code outputs} the object's output names; a name another task of the tenant holds is refused at {@code path}.
     * Each insert runs in a savepoint, so losing a race to the unique key refuses the call without breaking its transaction.
     */
    void claimOutputs(long tenantId, long objectId, List<String> outputs, String path) {
        jdbc.sql("delete from batch_task_output where object_id = :object").param("object", objectId).update();
        for (String output : outputs) {
            holder(tenantId, output).ifPresent(name -> {
                throw taken(path, output, name).exception();
            });
            UniqueWrites.runOrRefuse(() -> savepoint.executeWithoutResult(status -> jdbc.sql(
                            "insert into batch_task_output (tenant_id, output_name, object_id) values (:t, :o, :id)")
                    .param("t", tenantId).param("o", output).param("id", objectId).update()), () -> taken(path, output, null));
        }
    }

    private static dev.sluice.protocol.PopError taken(String path, String output, String holder) {
        return PopErrors.invalidParameter(path, "the output name '" + output + "' is already another task's"
                + (holder == null ? "" : " ('" + holder + "')"));
    }

    private java.util.Optional<String> holder(long tenantId, String output) {
        return jdbc.sql("select o.name from batch_task_output b join dev_object o on o.id = b.object_id"
                        + " where b.tenant_id = :t and b.output_name = :o")
                .param("t", tenantId).param("o", output).query(String.class).optional();
    }

    /** The tasks in production (their production versions), as a graph. */
    TaskGraph production(long tenantId) {
        TaskGraph graph = new TaskGraph();
        for (DevObject object : objects.ofKind(tenantId, KIND)) {
            objects.production(object).ifPresent(v -> graph.put(object.id(), read(v.payload())));
        }
        return graph;
    }

    /** Production with every waiting submit applied, as it will be once they are all published. */
    TaskGraph productionWithWaiting(long tenantId) {
        TaskGraph graph = production(tenantId);
        for (SubmitRecord submit : objects.waiting(tenantId, KIND)) {
            objects.find(tenantId, submit.objectId()).flatMap(o -> objects.version(o, submit.version())).ifPresent(v ->
                    graph.put(submit.objectId(), submit.changeType() == ChangeType.DELETE ? null : read(v.payload())));
        }
        return graph;
    }

    /**
     * The checks of a submit: the schedule, every upstream output written by a task in production or waiting for
     * publishing, no cycle, and the SQL admitted by the permission gate for the project's production account.
     */
    void checkSubmit(Project project, DevObject object, BatchTask task, String command) {
        if (task.scheduleType() == BatchTask.PERIODIC) {
            if (task.cronExpression() == null && task.customSchedule() == null) {
                throw PopErrors.missingParameter(command + ".CronExpression").exception();
            }
        }
        if (task.cronExpression() != null) Schedules.cron(task.cronExpression(), command + ".CronExpression");
        TaskGraph graph = productionWithWaiting(project.tenantId()).put(object.id(), task);
        List<String> missing = graph.missingUpstreams(object.id());
        if (!missing.isEmpty()) {
            int at = task.upstreams().stream().map(BatchTask.Upstream::outputName).toList().indexOf(missing.getFirst());
            throw PopErrors.invalidParameter(command + ".UpStreamList[" + at + "].SourceNodeOutputName", "no task in production or"
                    + " waiting for publishing outputs '" + missing.getFirst() + "'").exception();
        }
        graph.cycleThrough(object.id()).ifPresent(cycle -> {
            throw BatchTaskErrors.cycle(cycle).exception();
        });
        if (task.type().runsSql()) admitForProduction(project, task, command);
    }

    /** Each statement of the task's script passes the gate as the project's production account would run it. */
    private void admitForProduction(Project project, BatchTask task, String command) {
        Engine engine;
        if (task.type().runs() == TaskType.Runs.DATA_SOURCE_SQL) {
            if (task.dataSourceId() == null) {
                throw PopErrors.invalidParameter(command + ".FileId", "a DATABASE_SQL task names its data source (UpdateCommand.DataSourceId)"
                        + " before it is submitted").exception();
            }
            long sourceId;
            try {
                sourceId = Long.parseLong(task.dataSourceId());
            } catch (NumberFormatException e) {
                throw PopErrors.invalidParameter(command + ".FileId", "the task's data source id '" + PopErrors.excerpt(task.dataSourceId())
                        + "' is not a number").exception();
            }
            engine = engines.dataSource(project.tenantId(), sourceId, command + ".FileId");
        } else {
            engine = engines.projectCompute(project.tenantId(), project.id(), Env.PROD.name(), command + ".ProjectId");
        }
        Map<String, String> params = task.params().stream().collect(Collectors.toMap(BatchTask.Param::key, BatchTask.Param::value));
        String script = ScriptParams.substitute(task.code() == null ? "" : task.code(), params, LocalDate.now(clock.withZone(time.zone())),
                command + ".ParamList");
        RunContext context = new RunContext(project.tenantId(), project.produceUserId(), project.id(), Env.PROD.name(), engine);
        for (String statement : ScriptSplitter.split(script, engine.dialect())) {
            gate.admit(context, statement);
        }
    }

    /** Refuses taking the object offline while tasks in production depend on its outputs. */
    void checkOffline(long tenantId, DevObject object) {
        List<String> dependents = production(tenantId).dependents(object.id());
        if (!dependents.isEmpty()) throw BatchTaskErrors.downstream(object.name(), dependents).exception();
    }
}
