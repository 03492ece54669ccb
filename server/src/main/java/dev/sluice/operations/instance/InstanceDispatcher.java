package dev.sluice.operations.instance;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import dev.sluice.runner.RunnerSettings;
import dev.sluice.runner.SqlRunner;

/**
 * Starts instances and follows them, every {@code sluice.scheduler.poll-interval} on every node. Due instances are
 * locked with {@code FOR UPDATE SKIP LOCKED}, so each is judged and started by exactly one node; one starts when its
 * upstream instances of the matching business date have succeeded and its node is not held; its SQL goes to the
 * runner's queue of its source as the project's production account. Running instances are followed from the runner's
 * record of their run, which any node reads. A failed attempt is retried per {@code sluice.scheduler.retry.*}: one whose
 * node was lost (the runner failed its run as "node lost", checked here every quarter of the runner's
 * {@code node-lost-after}) at the next poll, one whose SQL failed after the retry interval. A new attempt starts only
 * once the runner's record of the previous run is final, so an instance never runs twice at once and none stays
 * running forever.
 */
@Component
public class InstanceDispatcher implements DisposableBean {

    static final Duration RUN_TIMEOUT = Duration.ofHours(24);

    /** With the process id, so an operator (or a test) tells which server process claimed an instance. */
    private final String nodeId = "sched-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    private final InstanceStore store;
    private final VersionedObjects objects;
    private final Projects projects;
    private final SqlRunner runner;
    private final ObjectProvider<NodeHolds> holds;
    private final TransactionTemplate transaction;
    private final SchedulerSettings settings;
    private final long lostCheckEvery;
    private final Clock clock;
    private volatile long lostCheckedAt;
    private final Poller poller = new Poller(InstanceDispatcher.class, "scheduler-dispatch", "Scheduler poll failed; retried at the next one");

    InstanceDispatcher(InstanceStore store, VersionedObjects objects, Projects projects, SqlRunner runner, ObjectProvider<NodeHolds> holds,
                       TransactionTemplate transaction, SchedulerSettings settings, RunnerSettings runnerSettings, Clock clock) {
        this.store = store;
        this.objects = objects;
        this.projects = projects;
        this.runner = runner;
        this.holds = holds;
        this.transaction = transaction;
        this.settings = settings;
        this.lostCheckEvery = runnerSettings.nodeLostAfter().toMillis() / 4;
        this.clock = clock;
    }

    @EventListener(ContextRefreshedEvent.class)
    void startPolling() {
        poller.start(settings, this::pollUntilDrained);
    }

    private void pollUntilDrained() {
        // A full batch started: more may be due, so claim again at once (within one poll interval) rather than
        // leave a backlog to drain one batch per interval.
        long until = System.nanoTime() + settings.pollInterval().toNanos();
        int started;
        do {
            started = poll();
        } while (started >= settings.claimBatch() && System.nanoTime() < until);
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
            String bizDate = Dependencies.upstreamBizDate(instance.bizDate(), upstream.periodDiff());
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

    private static String said(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
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

    /** Brings each instance whose attempt is in the runner up to the run's state, each in a transaction of its own. */
    private void follow() {
        List<Instance> active = store.active();
        if (active.isEmpty()) return;
        long now = clock.millis();
        if (now - lostCheckedAt >= lostCheckEvery) {
            // The runner's housekeeping does this once a minute; sooner here, so a lost attempt is retried soon.
            lostCheckedAt = now;
            runner.failLostRuns();
        }
        for (Instance instance : active) {
            transaction.executeWithoutResult(status -> follow(instance));
        }
    }

    private void follow(Instance instance) {
        Optional<RunView> run = runner.find(instance.tenantId(), instance.runId());
        long now = clock.millis();
        if (run.isEmpty()) {
            failed(instance, false, now, "the run's record is gone");
            return;
        }
        RunState state = run.get().state();
        InstanceStatus next = switch (state) {
            case WAIT_RESOURCE -> InstanceStatus.WAIT_RESOURCE;
            case RUNNING -> InstanceStatus.RUNNING;
            case SUCCESS -> InstanceStatus.SUCCESS;
            case FAILED, CANCELLED -> InstanceStatus.FAILED;
        };
        if (next == instance.status()) return;
        long at = next.isFinal() && run.get().finishedAt() > 0 ? run.get().finishedAt() : now;
        if (next != InstanceStatus.FAILED) {
            store.move(instance.id(), instance.status(), instance.runId(), next, at, null);
        } else if (state == RunState.CANCELLED && instance.terminated()) {
            store.move(instance.id(), instance.status(), instance.runId(), next, at, "terminated");
        } else if (state == RunState.CANCELLED) {
            // Not an operator's stop: the node running it shut down, which counts as losing it.
            failed(instance, true, at, "the server node running it shut down");
        } else if (run.get().nodeLost()) {
            failed(instance, true, at, "the server node running it was lost");
        } else {
            failed(instance, false, at, "the SQL failed; see the log");
        }
    }

    /**
     * Ends a failed attempt: retried when the settings allow another attempt of its kind (lost with its node, or a
     * failure) and no operator terminated it, else the instance fails.
     */
    private void failed(Instance instance, boolean lost, long at, String message) {
        SchedulerSettings.Retry retry = settings.retry();
        InstanceStore.Retries before = store.retries(instance.id());
        int attempts = (lost ? before.losses() : before.failures()) + 1;
        int allowed = lost ? retry.nodeLostAttempts() : retry.maxAttempts();
        if (!instance.terminated() && attempts < allowed) {
            long retryAt = lost ? at : at + retry.interval().toMillis();
            String said = message + "; retried" + (lost ? "" : " after " + said(retry.interval())) + " (" + (lost ? "lost" : "failed")
                    + " attempt " + attempts + " of " + allowed + ")";
            if (store.retry(instance.id(), instance.status(), instance.runId(), lost, at, retryAt, said)) return;
        }
        String said = attempts > 1 ? message + " (" + (lost ? "lost" : "failed") + " attempt " + attempts + " of " + allowed + ")" : message;
        store.move(instance.id(), instance.status(), instance.runId(), InstanceStatus.FAILED, at, said);
    }

    @Override
    public void destroy() {
        poller.stop();
    }
}
