package dev.sluice.operations.supplement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.cronutils.model.time.ExecutionTime;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.batch.Schedules;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.DisplayTime;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.operations.instance.Instance;
import dev.sluice.operations.instance.InstanceStatus;
import dev.sluice.operations.instance.Poller;
import dev.sluice.operations.instance.Instances;
import dev.sluice.operations.instance.SchedulerSettings;

/**
 * Moves running jobs on, every {@code sluice.scheduler.poll-interval} on every node that dispatches. Each job is locked
 * with {@code FOR UPDATE SKIP LOCKED}, so one node at a time advances it. A backfill's dag run ends when all its
 * instances have (FAILED if one failed); then the next waiting dates, oldest first, get their instances, so at most
 * {@code Parallelism} dates are in flight and a later date never starts before a slot frees. A failed date whose
 * instances an operator reruns while the job runs is running again (and holds a slot). A job ends with its last dag run
 * (a fix with its last rerun instance): SUCCESS when everything succeeded, FAILED otherwise; what is rerun after that
 * no longer changes the job.
 */
@Component
class DagrunAdvancer implements DisposableBean {

    /** Jobs one poll advances at most; the rest wait for the next poll (or another node). */
    static final int BATCH = 50;
    static final int MAX_FIRINGS = 24 * 60;

    private final JobStore store;
    private final Instances instances;
    private final VersionedObjects objects;
    private final TransactionTemplate transaction;
    private final SchedulerSettings settings;
    private final DisplayTime time;
    private final Clock clock;
    private final Poller poller = new Poller(DagrunAdvancer.class, "supplement-advance", "Advancing backfills failed; retried at the next poll");

    DagrunAdvancer(JobStore store, Instances instances, VersionedObjects objects, TransactionTemplate transaction, SchedulerSettings settings,
                   DisplayTime time, Clock clock) {
        this.store = store;
        this.instances = instances;
        this.objects = objects;
        this.transaction = transaction;
        this.settings = settings;
        this.time = time;
        this.clock = clock;
    }

    @EventListener(ContextRefreshedEvent.class)
    void startPolling() {
        poller.start(settings, this::advance);
    }

    /** One poll over the running jobs; the number of dag runs started. */
    int advance() {
        Integer started = transaction.execute(status -> {
            int n = 0;
            for (Job job : store.lockRunning(BATCH)) n += job.kind().equals(Job.SUPPLY_DATA) ? advanceBackfill(job) : advanceFix(job);
            return n;
        });
        return started == null ? 0 : started;
    }

    private int advanceBackfill(Job job) {
        List<Dagrun> dagruns = store.dagruns(job.id());
        int inFlight = 0;
        for (Dagrun run : dagruns) {
            // a failed date is looked at again too: an operator may rerun its failed instances while the job runs
            if (!run.status().equals("RUNNING") && !run.status().equals("FAILED")) continue;
            List<Instance> runInstances = instances.inFlow(job.tenantId(), run.wireId());
            Optional<String> ended = ended(runInstances);
            if (ended.isEmpty()) {
                if (run.status().equals("FAILED")) store.reopenDagrun(run.id());
                inFlight++;
            } else if (!ended.get().equals(run.status())) {
                store.finishDagrun(run.id(), ended.get(), lastEnd(runInstances));
            }
        }
        int started = 0;
        List<JobStore.JobNode> nodes = null;
        for (Dagrun run : dagruns) {
            if (inFlight >= job.parallelism()) break;
            if (!run.status().equals("WAITING")) continue;
            if (nodes == null) nodes = store.nodes(job.id());
            int added = addInstances(job, run, nodes);
            store.startDagrun(run.id(), clock.millis());
            if (added == 0) store.finishDagrun(run.id(), "SUCCESS", clock.millis()); // no node fires in the due-time window
            else inFlight++;
            started++;
        }
        List<Dagrun> now = store.dagruns(job.id());
        if (now.stream().allMatch(r -> r.status().equals("SUCCESS") || r.status().equals("FAILED"))) {
            boolean allSucceeded = now.stream().allMatch(r -> r.status().equals("SUCCESS"));
            store.finishJob(job.id(), allSucceeded ? "SUCCESS" : "FAILED", clock.millis());
        }
        return started;
    }

    private int advanceFix(Job job) {
        List<Instance> rerun = new ArrayList<>();
        for (long id : store.instances(job.id())) instances.find(job.tenantId(), id).ifPresent(rerun::add);
        ended(rerun).ifPresent(status -> store.finishJob(job.id(), status, lastEnd(rerun)));
        return 0;
    }

    /** SUCCESS or FAILED when every instance has ended (none counts as succeeded), empty while one has not. */
    static Optional<String> ended(List<Instance> all) {
        if (all.stream().anyMatch(i -> !i.status().isFinal())) return Optional.empty();
        return Optional.of(all.stream().allMatch(i -> i.status() == InstanceStatus.SUCCESS) ? "SUCCESS" : "FAILED");
    }

    private long lastEnd(List<Instance> all) {
        return all.stream().map(Instance::finishedAt).filter(t -> t != null).mapToLong(Long::longValue).max().orElse(clock.millis());
    }

    /** The dag run's instances, one per node (an hourly node's per due time in the window); the number added. */
    private int addInstances(Job job, Dagrun run, List<JobStore.JobNode> nodes) {
        int added = 0;
        long now = clock.millis();
        for (JobStore.JobNode node : nodes) {
            Map<String, String> params = new LinkedHashMap<>(Instances.readParams(node.params()));
            for (long due : dueTimes(job, node, run.bizDate(), now)) {
                if (instances.addToFlow(job.tenantId(), node.projectId(), node.objectId(), node.version(), run.wireId(), due, run.bizDate(), params)) {
                    added++;
                }
            }
        }
        return added;
    }

    /**
     * When a node's instances of a business date are due: at once for a node that runs once a day (or has no cron);
     * for one whose cron fires several times on the run date (the business date plus one), each firing between the
     * job's earliest and latest due time, so hourly dependencies match as they do in the schedule. At most
     * {@value #MAX_FIRINGS} firings a date are taken, so a per-second cron cannot flood the instances.
     */
    private List<Long> dueTimes(Job job, JobStore.JobNode node, String bizDate, long now) {
        Optional<BatchTask> task = objects.find(job.tenantId(), node.objectId()).flatMap(o -> objects.version(o, node.version()))
                .map(v -> RpcJson.MAPPER.readValue(v.payload(), BatchTask.class));
        if (task.isEmpty() || task.get().scheduleType() != BatchTask.PERIODIC || task.get().cronExpression() == null) return List.of(now);
        ExecutionTime cron;
        try {
            cron = ExecutionTime.forCron(Schedules.cron(task.get().cronExpression(), "CronExpression"));
        } catch (RuntimeException e) {
            return List.of(now);
        }
        LocalDate runDate = LocalDate.parse(bizDate).plusDays(1);
        List<ZonedDateTime> fires = new ArrayList<>();
        ZonedDateTime at = runDate.atStartOfDay(time.zone()).minusNanos(1);
        for (int i = 0; i < MAX_FIRINGS; i++) {
            Optional<ZonedDateTime> next = cron.nextExecution(at);
            if (next.isEmpty() || !next.get().toLocalDate().equals(runDate)) break;
            fires.add(next.get());
            at = next.get();
        }
        if (fires.size() <= 1) return List.of(now);
        LocalTime min = job.minDueTime() == null ? LocalTime.MIN : LocalTime.parse(job.minDueTime());
        LocalTime max = job.maxDueTime() == null ? LocalTime.MAX : LocalTime.parse(job.maxDueTime()).withSecond(59);
        return fires.stream().filter(f -> !f.toLocalTime().isBefore(min) && !f.toLocalTime().isAfter(max))
                .map(f -> f.toInstant().toEpochMilli()).toList();
    }

    @Override
    public void destroy() {
        poller.stop();
    }
}
