package dev.sluice.operations.instance;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.protocol.PopErrors;

/**
 * The instances downstream of one, level by level to {@code DownStreamDepth} (at most {@value #MAX_DEPTH}): the
 * instances of published tasks whose start waits for it, matched as the dispatcher matches them ({@link InstanceGraph}).
 * {@code RunStatus} keeps those in that status (the walk goes through the others).
 */
@Action("GetInstanceDownStream")
final class GetInstanceDownStream implements OperationHandler<GetInstanceDownStream.Request, GetInstanceDownStream.Response> {

    static final int MAX_DEPTH = 10;

    record Request(Integer downStreamDepth, String env, InstanceGet instanceGet, String runStatus) {
    }

    record InstanceGet(String instanceId, String nodeType) {
    }

    record Response(List<Relation> instanceRelationList) {
    }

    record Relation(int downStreamDepth, String extendInfo, List<Object> fieldInstanceList, Info instanceInfo, String runStatus,
                    String selectStatus, String selectStatusCause) {
    }

    record Info(String id, String name, String type) {
    }

    private final InstanceAccess access;
    private final InstanceStore store;
    private final InstanceGraph graph;

    GetInstanceDownStream(InstanceAccess access, InstanceStore store, InstanceGraph graph) {
        this.access = access;
        this.store = store;
        this.graph = graph;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        InstanceAccess.production(request.env());
        if (request.downStreamDepth() == null) throw PopErrors.missingParameter("DownStreamDepth").exception();
        if (request.downStreamDepth() < 1 || request.downStreamDepth() > MAX_DEPTH) {
            throw PopErrors.invalidParameter("DownStreamDepth", "between 1 and " + MAX_DEPTH).exception();
        }
        InstanceGet get = request.instanceGet();
        if (get == null || get.instanceId() == null || get.instanceId().isBlank()) throw PopErrors.missingParameter("InstanceGet.InstanceId").exception();
        long id = Instance.parseId(get.instanceId().trim());
        if (id < 0) throw PopErrors.invalidParameter("InstanceGet.InstanceId", "not an instance id (t_<number>)").exception();
        Instance root = store.find(caller.tenant().id(), id).orElseThrow(() -> PopErrors.notFound("instance", get.instanceId()).exception());
        access.reader(caller, root.projectId());
        String only = request.runStatus() == null || request.runStatus().isBlank() ? null : request.runStatus().trim().toUpperCase(Locale.ROOT);

        List<Relation> relations = new ArrayList<>();
        for (InstanceGraph.Reached r : graph.walk(caller.tenant().id()).from(root, request.downStreamDepth(), false)) {
            if (only != null && !only.equals(r.instance().status().name())) continue;
            relations.add(new Relation(r.depth(), null, List.of(), new Info(r.instance().wireId(), r.name(), r.type()),
                    r.instance().status().name(), null, null));
        }
        return new Response(relations);
    }
}
