package dev.sluice.operations.node;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.develop.tree.DevAccess;
import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.RpcJson;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.ProjectRole;
import dev.sluice.platform.project.ProjectRoles;
import dev.sluice.protocol.PopErrors;

/**
 * The scheduling nodes of published batch tasks, as the O&M center reads them: in {@code PROD} each task's production
 * version, in {@code DEV} its draft (the node as development sees it now). A node's id is {@code n_<FileId>}. Lookups
 * name the caller's tenant, so another tenant's node is an unknown one; reading needs membership of the node's project
 * in that environment.
 */
@Component
class ProductionNodes {

    static final String BATCH_TASK = "BATCH_TASK";

    /** A node: its development object and the task content of the environment read. */
    record Node(DevObject object, BatchTask task) {
        String id() {
            return object.nodeId();
        }
    }

    private final VersionedObjects objects;
    private final DevAccess devAccess;
    private final Access access;
    private final ProjectRoles roles;

    ProductionNodes(VersionedObjects objects, DevAccess devAccess, Access access, ProjectRoles roles) {
        this.objects = objects;
        this.devAccess = devAccess;
        this.access = access;
        this.roles = roles;
    }

    /** The tenant's nodes in {@code env}, every project (for graphs, which cross projects by output name). */
    List<Node> all(long tenantId, Env env) {
        List<Node> nodes = new ArrayList<>();
        for (DevObject object : objects.ofKind(tenantId, BATCH_TASK)) content(object, env).ifPresent(t -> nodes.add(new Node(object, t)));
        return nodes;
    }

    /** The nodes of one project in {@code env}. */
    List<Node> ofProject(long tenantId, long projectId, Env env) {
        List<Node> nodes = new ArrayList<>();
        for (DevObject object : objects.ofProject(tenantId, projectId)) {
            if (object.kind().equals(BATCH_TASK)) content(object, env).ifPresent(t -> nodes.add(new Node(object, t)));
        }
        return nodes;
    }

    private Optional<BatchTask> content(DevObject object, Env env) {
        if (env == Env.DEV) return Optional.of(read(object.draft()));
        return objects.production(object).map(v -> read(v.payload()));
    }

    static BatchTask read(String json) {
        return RpcJson.MAPPER.readValue(json, BatchTask.class);
    }

    /** The node {@code nodeId} of the caller's tenant in {@code env}, if the caller may read its project; unknown otherwise. */
    Readable readable(Caller caller, String nodeId, Env env, String path) {
        long id = parse(nodeId, path);
        Node node = objects.find(caller.tenant().id(), id).filter(o -> o.kind().equals(BATCH_TASK))
                .flatMap(o -> content(o, env).map(t -> new Node(o, t)))
                .orElseThrow(() -> PopErrors.notFound(env == Env.PROD ? "production node" : "node", nodeId.trim()).exception());
        return new Readable(devAccess.reader(caller, node.object().projectId(), env), node);
    }

    record Readable(Project project, Node node) {
    }

    /** The project, if the caller may read its nodes of {@code env}. */
    Project readableProject(Caller caller, long projectId, Env env) {
        return devAccess.reader(caller, projectId, env);
    }

    /** The node's owner, the project's administrators and O&M engineers (production roles) and super administrators operate it. */
    void requireOperator(Caller caller, Project project, Node node) {
        access.require(caller, () -> access.isSuperAdmin(caller) || node.object().ownerId() == caller.user().id()
                        || roles.of(project, Env.PROD, caller.user().id()).stream()
                        .anyMatch(r -> r == ProjectRole.PROJECT_ADMIN || r == ProjectRole.OPERATOR),
                "node '" + node.object().name() + "'", "its owner, the project's administrators and O&M engineers or super administrators");
    }

    /** The object id of a wire node id {@code n_<id>}; refused at {@code path} otherwise. */
    static long parse(String nodeId, String path) {
        if (nodeId == null || nodeId.isBlank()) throw PopErrors.missingParameter(path).exception();
        String id = nodeId.trim();
        if (!id.matches("n_[0-9]{1,18}")) {
            throw PopErrors.invalidParameter(path, "'" + PopErrors.excerpt(id) + "' is not a node id (n_ followed by the task's FileId)").exception();
        }
        return Long.parseLong(id.substring(2));
    }

    /** The nodes by the outputs they write. */
    static Map<String, Node> byOutput(List<Node> nodes) {
        Map<String, Node> writers = new LinkedHashMap<>();
        for (Node node : nodes) for (String output : node.task().outputs()) writers.putIfAbsent(output, node);
        return writers;
    }
}
