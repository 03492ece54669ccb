package dev.sluice.operations.supplement;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.NodeOperationLog;
import dev.sluice.operations.instance.Instance;
import dev.sluice.operations.instance.InstanceStatus;
import dev.sluice.operations.instance.Instances;
import dev.sluice.protocol.PopErrors;

/**
 * Fixes data by rerunning an instance and instances downstream of it. The contract names existing instances (a root
 * and, optionally, downstream instance ids), so the existing instances run again, each as a new attempt of itself
 * (the same flow and business date), not as a new flow: the scheduler then reruns the root first and each downstream
 * one after its rerun upstream, as dependencies already order them. Downstream means the instances of the same
 * business date and flow of the tasks that depend, directly or through others, on the root's task in the same period.
 * <p>Which downstream instances: {@code DownstreamRange} ALL_INSTANCE (all of them), ALL_FAILED_INSTANCE (the failed
 * ones), ALL_FINAL_INSTANCE (the finished ones), or else those listed in {@code DownStreamInstanceIdList} (each must be
 * downstream of the root). {@code ContainRootInstance} (default true) reruns the root too. An instance still waiting to
 * start is left waiting (it runs after its upstream anyway). An instance whose SQL is queued or running refuses the
 * call, unless {@code ForceRerun}: then its SQL is stopped and it starts again. The answer is a job id whose progress
 * {@code GetOperationSubmitStatus} shows.
 */
@Action("FixData")
final class FixData implements OperationHandler<FixData.Request, FixData.Response> {

    record Request(String env, FixDataCommand fixDataCommand) {
    }

    record FixDataCommand(Boolean containRootInstance, List<InstanceRef> downStreamInstanceIdList, String downstreamRange, Boolean forceRerun,
                          Long projectId, InstanceRef rootInstanceId) {
    }

    record InstanceRef(List<String> fieldInstanceIdList, String id) {
    }

    record Response(String submitId) {
    }

    private final Instances instances;
    private final VersionedObjects objects;
    private final JobStore store;
    private final ObjectProvider<NodeOperationLog> operationLog;
    private final Clock clock;

    FixData(Instances instances, VersionedObjects objects, JobStore store, ObjectProvider<NodeOperationLog> operationLog, Clock clock) {
        this.instances = instances;
        this.objects = objects;
        this.store = store;
        this.operationLog = operationLog;
        this.clock = clock;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        Instances.production(request.env());
        FixDataCommand c = request.fixDataCommand();
        if (c == null || c.projectId() == null) throw PopErrors.missingParameter("FixDataCommand.ProjectId").exception();
        if (c.rootInstanceId() == null || c.rootInstanceId().id() == null || c.rootInstanceId().id().isBlank()) {
            throw PopErrors.missingParameter("FixDataCommand.RootInstanceId.Id").exception();
        }
        String range = c.downstreamRange() == null || c.downstreamRange().isBlank() ? null : c.downstreamRange().trim().toUpperCase(Locale.ROOT);
        if (range != null && !List.of("ALL_INSTANCE", "ALL_FAILED_INSTANCE", "ALL_FINAL_INSTANCE").contains(range)) {
            throw PopErrors.invalidParameter("FixDataCommand.DownstreamRange", "expected ALL_INSTANCE, ALL_FAILED_INSTANCE or ALL_FINAL_INSTANCE")
                    .exception();
        }
        List<Long> listed = new ArrayList<>();
        if (range == null && c.downStreamInstanceIdList() != null) {
            for (int i = 0; i < c.downStreamInstanceIdList().size(); i++) {
                InstanceRef ref = c.downStreamInstanceIdList().get(i);
                String path = "FixDataCommand.DownStreamInstanceIdList[" + i + "].Id";
                if (ref == null || ref.id() == null || ref.id().isBlank()) throw PopErrors.missingParameter(path).exception();
                long id = Instance.parseId(ref.id().trim());
                if (id < 0) throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(ref.id()) + "' is not an instance id (t_<number>)").exception();
                listed.add(id);
            }
        }
        boolean force = Boolean.TRUE.equals(c.forceRerun());
        instances.operator(caller, c.projectId());
        Instance root = instances.require(caller, c.projectId(), c.rootInstanceId().id(), "FixDataCommand.RootInstanceId.Id");
        long tenant = caller.tenant().id();

        Set<Long> downstreamNodes = PublishedGraph.of(objects, tenant).downstream(List.of(root.objectId()), true);
        Map<Long, Instance> downstream = new LinkedHashMap<>();
        for (Instance i : instances.inFlowOnDate(tenant, root.flowId(), root.bizDate())) {
            if (downstreamNodes.contains(i.objectId())) downstream.put(i.id(), i);
        }
        Set<Long> chosen = new LinkedHashSet<>();
        if (!Boolean.FALSE.equals(c.containRootInstance())) chosen.add(root.id());
        if (range != null) {
            for (Instance i : downstream.values()) {
                boolean wanted = switch (range) {
                    case "ALL_FAILED_INSTANCE" -> i.status() == InstanceStatus.FAILED;
                    case "ALL_FINAL_INSTANCE" -> i.status().isFinal();
                    default -> true;
                };
                if (wanted) chosen.add(i.id());
            }
        }
        for (int i = 0; i < listed.size(); i++) {
            long id = listed.get(i);
            String wire = c.downStreamInstanceIdList().get(i).id().trim();
            if (!downstream.containsKey(id)) {
                if (instances.find(tenant, id).isEmpty()) throw PopErrors.notFound("instance", wire).exception();
                throw SupplementErrors.notDownstream("FixDataCommand.DownStreamInstanceIdList[" + i + "].Id", wire, root.wireId()).exception();
            }
            chosen.add(id);
        }
        if (chosen.isEmpty()) throw SupplementErrors.nothingToRun("no root instance and no downstream instance chosen").exception();

        // Locked in id order, so two fixes over overlapping instances cannot deadlock.
        List<Instance> locked = new ArrayList<>();
        for (long id : chosen.stream().sorted().toList()) {
            Optional<Instance> i = instances.lock(tenant, id);
            if (i.isPresent()) locked.add(i.get());
        }
        for (long project : locked.stream().map(Instance::projectId).distinct().toList()) instances.operator(caller, project);
        if (!force) {
            for (Instance i : locked) {
                if (i.status() == InstanceStatus.WAIT_RESOURCE || i.status() == InstanceStatus.RUNNING) {
                    throw SupplementErrors.inProgress("instance " + i.wireId() + " is " + i.status() + "; ForceRerun stops it and runs it again")
                            .exception();
                }
            }
        }
        long job = store.insertJob(tenant, c.projectId(), Job.FIX_DATA, "fix from " + root.wireId(), caller.user().id(), 1, null, null, null, null,
                root.wireId(), clock.millis());
        NodeOperationLog log = operationLog.getIfAvailable();
        locked.sort(Comparator.comparing(Instance::id));
        for (Instance i : locked) {
            instances.rerun(i, force);
            store.insertInstance(job, i.id());
            if (log != null) {
                log.record(tenant, i.projectId(), i.nodeId(), caller.user().id(), "FIX_DATA",
                        "job f_" + job + " from " + root.wireId() + ": instance " + i.wireId() + ", business date " + i.bizDate());
            }
        }
        return new Response("f_" + job);
    }
}
