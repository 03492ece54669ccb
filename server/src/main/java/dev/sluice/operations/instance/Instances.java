package dev.sluice.operations.instance;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;
import dev.sluice.runner.SqlRunner;

/**
 * The instances as the rest of the O&M center uses them (backfills, data fixes, the node views): finding them by wire id
 * (another tenant's or project's answer as unknown), who may read and operate them, adding them to a flow, rerunning
 * them and showing them as the contract does.
 */
@Component
public class Instances {

    private final InstanceStore store;
    private final InstanceAccess access;
    private final InstanceViews views;
    private final SqlRunner runner;
    private final Clock clock;

    Instances(InstanceStore store, InstanceAccess access, InstanceViews views, SqlRunner runner, Clock clock) {
        this.store = store;
        this.access = access;
        this.views = views;
        this.runner = runner;
        this.clock = clock;
    }

    public Instance require(Caller caller, long projectId, String wireId, String path) {
        if (wireId == null || wireId.isBlank()) throw PopErrors.missingParameter(path).exception();
        long id = Instance.parseId(wireId.trim());
        if (id < 0) throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(wireId) + "' is not an instance id (t_<number>)").exception();
        return store.find(caller.tenant().id(), id).filter(i -> i.projectId() == projectId)
                .orElseThrow(() -> PopErrors.notFound("instance", wireId).exception());
    }

    /** The instances of a node of the tenant, by due time (for tests and the node helper's views). */
    public List<Instance> ofNode(long tenantId, long objectId) {
        return store.ofNode(tenantId, objectId);
    }

    public Optional<Instance> find(long tenantId, long id) {
        return store.find(tenantId, id);
    }

    /** The project, when the caller may read its instances (members of production, super administrators). */
    public Project reader(Caller caller, long projectId) {
        return access.reader(caller, projectId);
    }

    /** The project, when the caller may operate its instances (administrators, O&M engineers, super administrators). */
    public Project operator(Caller caller, long projectId) {
        return access.operator(caller, projectId);
    }

    /** Refuses {@code DEV}, naming {@code Env}: only production is scheduled. */
    public static void production(String env) {
        InstanceAccess.production(env);
    }

    /** A {@code yyyy-MM-dd} date (a longer text cut to its first ten characters), or null for a blank one. */
    public static String date(String text, String path) {
        return ListInstances.date(text, path);
    }

    /** The dev object id of a node id {@code n_<number>}, or InvalidParameter naming {@code path}. */
    public static long nodeObject(String nodeId, String path) {
        return ListInstances.nodeObject(nodeId, path);
    }

    /** Adds one instance to a flow; false when the node already has it there (same due time and date). */
    public boolean addToFlow(long tenantId, long projectId, long objectId, int version, String flowId, long dueAt, String bizDate,
                             Map<String, String> params) {
        return store.insertIfAbsent(tenantId, projectId, objectId, version, flowId, dueAt, bizDate, ManualRuns.writeParams(params),
                clock.millis());
    }

    /** The instances of a flow, by node and due time. */
    public List<Instance> inFlow(long tenantId, String flowId) {
        return store.inFlow(tenantId, flowId);
    }

    /** The instances of one business date of a flow ({@code ""} for scheduled ones), across the tenant's projects. */
    public List<Instance> inFlowOnDate(long tenantId, String flowId, String bizDate) {
        return store.inFlowOnDate(tenantId, flowId, bizDate);
    }

    /** The instance, locked for a change in the caller's transaction. */
    public Optional<Instance> lock(long tenantId, long id) {
        return store.lock(tenantId, id);
    }

    /**
     * Sends a locked instance to run again, as {@code OperateInstance RERUN} does for a finished one. One still waiting
     * to start is left as it is (it runs anyway). One in progress is refused unless {@code force}: then its SQL is
     * stopped and it waits for a new attempt. The reason when refused, null when done.
     */
    public String rerun(Instance locked, boolean force) {
        InstanceStatus status = locked.status();
        if (status.isFinal()) {
            store.rewait(locked.id(), status);
            return null;
        }
        if (status == InstanceStatus.WAIT_SCHEDULE) return null;
        if (!force) return "instance " + locked.wireId() + " is " + status + "; ForceRerun stops it and runs it again";
        if (locked.runId() != null) runner.find(locked.tenantId(), locked.runId()).ifPresent(runner::stop);
        store.requeue(locked, clock.millis(), "stopped for a forced rerun");
        return null;
    }

    /** Parameters as instances store them (a JSON map), null for none. */
    public static String writeParams(Map<String, String> params) {
        return ManualRuns.writeParams(params);
    }

    public static Map<String, String> readParams(String json) {
        return json == null ? Map.of() : ManualRuns.readParams(json);
    }

    /** The instances as {@code ListInstances} answers them. */
    public List<InstanceViews.InstanceView> views(Caller caller, Collection<Instance> instances) {
        return views.views(caller, instances);
    }
}
