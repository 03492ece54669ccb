package dev.sluice.operations.instance;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.BatchTaskErrors;
import dev.sluice.develop.batch.TaskType;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.ObjectVersion;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.operations.NodeHolds;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopException;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunContext;
import dev.sluice.runner.RunRequest;
import dev.sluice.runner.RunState;
import dev.sluice.runner.RunView;
import dev.sluice.runner.SqlRunner;

/**
 * Starts instances and follows them, every {@code sluice.scheduler.poll-interval} on every node. Due instances are
 * locked with {@code FOR UPDATE SKIP LOCKED}, so each is judged and started by exactly one node; one starts when its
 * upstream instances of the matching business date have succeeded and its node is not held; its SQL goes to the
 * runner's queue of its source as the project's production account. Running instances are followed from the runner's
 * record of their run, which any node reads: a run whose node was lost is failed by the runner's housekeeping, and the
 * instance with it, so nothing stays running forever and nothing runs twice.
 */
@Component
public class InstanceDispatcher implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(InstanceDispatcher.class);
    static final Duration RUN_TIMEOUT = Duration.ofHours(24);

    private final String nodeId = "sched-" + UUID.randomUUID().toString().substring(0, 13);
    private final InstanceStore store;
    private final VersionedObjects objects;
    private final Projects projects;
    private final SqlRunner runner;
    private final ObjectProvider<NodeHolds> holds;
    private final TransactionTemplate transaction;
    private final SchedulerSettings settings;
    private final Clock clock;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "scheduler-dispatch");
        t.setDaemon(true);
        return t;
    });

    InstanceDispatcher(InstanceStore store, VersionedObjects objects, Projects projects, SqlRunner runner, ObjectProvider<NodeHolds> holds,
                       TransactionTemplate transaction, SchedulerSettings settings, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.projects = projects;
        this.runner = runner;
        this.holds = holds;
        this.transaction = transaction;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ContextRefreshedEvent.class)
    void startPolling() {
        if (!settings.enabled()) return;
        long every = settings.pollInterval().toMillis();
        timer.scheduleWithFixedDelay(this::pollQuietly, every, every, TimeUnit.MILLISECONDS);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            log.warn("Scheduler poll failed; retried at the next one", e);
        }
    }

    /** One poll: starts what is due and ready, then brings running instances up to date; the number started. */
    public int poll() {
        Integer started = transaction.execute(status -> startDue());
        follow();
        return started == null ? 0 : started;
    }

    /** This node's id, as instances it claims record it. */
    public String nodeId() {
        return nodeId;
    }

    private int startDue() {
        int started = 0;
        long now = clock.millis();
        for (Instance instance : store.lockDue(now, settings.claimBatch())) {
            if (held(instance) || !upstreamsReady(instance)) {
                store.notReady(instance.id(), now);
                continue;
            }
            if (start(instance, now)) started++;
        }
        return started;
    }

    private boolean held(Instance instance) {
        NodeHolds nodeHolds = holds.getIfAvailable();
        return nodeHolds != null && nodeHolds.held(instance.tenantId(), instance.projectId(), instance.nodeId());
    }

    /** Every upstream's instances of the matching business date (and flow) allow this one, per its depend strategy. */
    private boolean upstreamsReady(Instance instance) {
        Optional<BatchTask> task = task(instance);
        if (task.isEmpty()) return true;
        for (BatchTask.Upstream upstream : task.get().upstreams()) {
            String bizDate = LocalDate.parse(instance.bizDate()).minusDays(Math.max(0, upstream.periodDiff())).toString();
            List<InstanceStore.Upstream> found = store.upstreamInstances(instance.tenantId(), upstream.outputName(), bizDate, instance.flowId());
            if (!Dependencies.satisfied(upstream.dependStrategy(), found, instance.dueAt(), upstream.periodDiff() <= 0)) return false;
        }
        return true;
    }

    private Optional<BatchTask> task(Instance instance) {
        return objects.find(instance.tenantId(), instance.objectId())
                .flatMap(o -> objects.version(o, instance.version()))
                .map(v -> RpcJson.MAPPER.readValue(v.payload(), BatchTask.class));
    }

    /** Starts an attempt; false when the source's queue is full (the instance waits for the next poll). */
    private boolean start(Instance instance, long now) {
        Optional<DevObject> object = objects.find(instance.tenantId(), instance.objectId());
        Optional<ObjectVersion> version = object.flatMap(o -> objects.version(o, instance.version()));
        if (version.isEmpty()) {
            finishAtOnce(instance, InstanceStatus.FAILED, now, "the node's published version no longer exists");
            return true;
        }
        BatchTask task = RpcJson.MAPPER.readValue(version.get().payload(), BatchTask.class);
        TaskType type = TaskType.of(task.taskType()).orElse(null);
        if (type == null || type.runs() == TaskType.Runs.NOT_RUNNABLE) {
            String message = type == null ? "unknown task type " + task.taskType() : BatchTaskErrors.notRunnable(type).message();
            finishAtOnce(instance, InstanceStatus.FAILED, now, message);
            return true;
        }
        if (type.runs() == TaskType.Runs.NOTHING || task.nodeStatus() == 3) {
            finishAtOnce(instance, InstanceStatus.SUCCESS, now, type.runs() == TaskType.Runs.NOTHING
                    ? "VIRTUAL node: nothing to run" : "dry-run node: succeeded without running");
            return true;
        }
        try {
            Project project = projects.require(instance.tenantId(), instance.projectId());
            Engine engine = type.runs() == TaskType.Runs.DATA_SOURCE_SQL
                    ? runner.engines().dataSource(instance.tenantId(), Long.parseLong(String.valueOf(task.dataSourceId())), "DataSourceId")
                    : runner.engines().projectCompute(instance.tenantId(), instance.projectId(), Env.PROD.name(), "ProjectId");
            RunContext context = new RunContext(instance.tenantId(), project.produceUserId(), project.id(), Env.PROD.name(), engine);
            String runId = runner.start(new RunRequest(context, "SCHED", task.code(), params(task, instance), RUN_TIMEOUT, null));
            store.startAttempt(instance, InstanceStatus.WAIT_RESOURCE, runId, nodeId, now);
            return true;
        } catch (PopException e) {
            if (e.error().code().startsWith("Throttling")) {
                store.notReady(instance.id(), now);
                return false;
            }
            finishAtOnce(instance, InstanceStatus.FAILED, now, e.error().code() + ": " + e.error().message());
            return true;
        } catch (RuntimeException e) {
            finishAtOnce(instance, InstanceStatus.FAILED, now, "the instance could not start: " + e.getMessage());
            return true;
        }
    }

    /** The task's parameters, a manual run's on top, and {@code bizdate} as the instance's business date. */
    private static Map<String, String> params(BatchTask task, Instance instance) {
        Map<String, String> params = new HashMap<>();
        task.params().forEach(p -> params.put(p.key(), p.value() == null ? "" : p.value()));
        if (instance.params() != null) params.putAll(ManualRuns.readParams(instance.params()));
        params.put("bizdate", instance.bizdateParam());
        return params;
    }

    private void finishAtOnce(Instance instance, InstanceStatus status, long now, String message) {
        store.startAttempt(instance, InstanceStatus.RUNNING, null, nodeId, now);
        store.move(instance.id(), InstanceStatus.RUNNING, null, status, now, message);
    }

    /** Brings each instance whose attempt is in the runner up to the run's state. */
    private void follow() {
        for (Instance instance : store.active()) {
            Optional<RunView> run = runner.find(instance.tenantId(), instance.runId());
            long now = clock.millis();
            if (run.isEmpty()) {
                store.move(instance.id(), instance.status(), instance.runId(), InstanceStatus.FAILED, now, "the run's record is gone");
                continue;
            }
            RunState state = run.get().state();
            InstanceStatus next = switch (state) {
                case WAIT_RESOURCE -> InstanceStatus.WAIT_RESOURCE;
                case RUNNING -> InstanceStatus.RUNNING;
                case SUCCESS -> InstanceStatus.SUCCESS;
                case FAILED, CANCELLED -> InstanceStatus.FAILED;
            };
            if (next == instance.status()) continue;
            String message = switch (state) {
                case FAILED -> "the SQL failed; see the log";
                case CANCELLED -> "terminated";
                default -> null;
            };
            long at = next.isFinal() && run.get().finishedAt() > 0 ? run.get().finishedAt() : now;
            store.move(instance.id(), instance.status(), instance.runId(), next, at, message);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
