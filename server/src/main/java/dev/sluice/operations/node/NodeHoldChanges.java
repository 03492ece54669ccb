package dev.sluice.operations.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.protocol.PopErrors;

/**
 * Pausing and resuming production nodes, as one call: every node is checked first (known in the project, the caller
 * allowed to operate it) and the call refused as a whole otherwise, so nothing is half-changed. A change of state is
 * written to the node's operation log; a node already in the asked state answers SUCCESS and logs nothing.
 */
@Component
class NodeHoldChanges {

    static final int MAX_NODES = 100;
    static final String PAUSE = "PAUSE_TASK";
    static final String RESUME = "RESUME_TASK";

    private final ProductionNodes nodes;
    private final PausedNodes paused;
    private final NodeLog log;

    NodeHoldChanges(ProductionNodes nodes, PausedNodes paused, NodeLog log) {
        this.nodes = nodes;
        this.paused = paused;
        this.log = log;
    }

    record Command(List<String> nodeIdList, Long projectId) {
    }

    record Result(String errorMessage, String nodeId, String status) {
    }

    List<Result> change(Caller caller, String env, Command command, String commandPath, boolean pause) {
        if (Env.parse(env, Env.PROD, "Env") != Env.PROD) {
            throw PopErrors.invalidParameter("Env", "only production nodes are scheduled, so only they are paused and resumed").exception();
        }
        if (command == null) throw PopErrors.missingParameter(commandPath).exception();
        if (command.projectId() == null) throw PopErrors.missingParameter(commandPath + ".ProjectId").exception();
        List<String> ids = command.nodeIdList();
        if (ids == null || ids.isEmpty()) throw PopErrors.missingParameter(commandPath + ".NodeIdList").exception();
        if (ids.size() > MAX_NODES) {
            throw PopErrors.invalidParameter(commandPath + ".NodeIdList", "at most " + MAX_NODES + " nodes per call, got " + ids.size()).exception();
        }
        Project project = nodes.readableProject(caller, command.projectId(), Env.PROD);
        Map<String, ProductionNodes.Node> targets = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            ProductionNodes.Node node = nodes.readable(caller, ids.get(i), Env.PROD, commandPath + ".NodeIdList[" + i + "]").node();
            if (node.object().projectId() != project.id()) throw PopErrors.notFound("production node", ids.get(i).trim()).exception();
            targets.put(node.id(), node);
        }
        targets.values().forEach(node -> nodes.requireOperator(caller, project, node));
        long tenant = caller.tenant().id();
        long user = caller.user().id();
        List<Result> results = new ArrayList<>();
        for (ProductionNodes.Node node : targets.values()) {
            boolean changed = pause ? paused.pause(tenant, project.id(), node.id(), user) : paused.resume(tenant, project.id(), node.id());
            if (changed) {
                log.record(tenant, project.id(), node.id(), user, pause ? PAUSE : RESUME,
                        (pause ? "paused: future instances are held" : "resumed: future instances run as scheduled"));
            }
            results.add(new Result(null, node.id(), "SUCCESS"));
        }
        return results;
    }
}
