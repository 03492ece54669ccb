package dev.sluice.operations.node;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.sluice.develop.batch.BatchTask;
import dev.sluice.develop.version.DevObject;
import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.operations.node.ProductionNodes.Node;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;
import dev.sluice.protocol.PopErrors;

/**
 * The upstream dependencies of a code task as development holds them (its draft), each with the node writing the
 * output it names: the production node when one is published, else the task in development; {@code Valid} false when
 * no task writes it. Logical tables ({@code MODEL_ID}) and pipelines are not built in Sluice.
 */
@Action("GetDevObjectDependency")
final class GetDevObjectDependency implements OperationHandler<GetDevObjectDependency.Request, GetDevObjectDependency.Response> {

    record Request(String objectFrom, String objectId, String objectType, Long projectId) {
    }

    record DependencyPeriod(Integer periodOffset, String periodType) {
    }

    record Dependency(Boolean autoParse, String bizType, String bizUnitId, String bizUnitName, String cronExpression,
                      Boolean customCronExpression, List<String> dependFieldList, DependencyPeriod dependencyPeriod,
                      String dependencyStrategy, Boolean dimMidNode, List<String> effectFieldList, String externalBizInfo,
                      Boolean manuallyAdd, String nodeId, String nodeName, String nodeOutputName, String nodeOutputTableName,
                      String nodeType, List<Object> outputContextParamList, List<NodeViews.UserRef> ownerList, Integer periodDiff,
                      Long projectId, String projectName, String scheduleType, Boolean selfDepend, String subBizType, Boolean valid) {
    }

    record Response(List<Dependency> devObjectDependencyList) {
    }

    private final ProductionNodes nodes;
    private final VersionedObjects objects;
    private final Projects projects;
    private final NodeViews views;

    GetDevObjectDependency(ProductionNodes nodes, VersionedObjects objects, Projects projects, NodeViews views) {
        this.nodes = nodes;
        this.objects = objects;
        this.projects = projects;
        this.views = views;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        String from = required(request.objectFrom(), "ObjectFrom").toUpperCase(Locale.ROOT);
        String type = required(request.objectType(), "ObjectType").toUpperCase(Locale.ROOT);
        String objectId = required(request.objectId(), "ObjectId");
        if (request.projectId() == null) throw PopErrors.missingParameter("ProjectId").exception();
        if (!from.equals("DATA_PROCESS") || !type.equals("FILE_ID")) {
            throw PopErrors.unsupported("Sluice builds code tasks only: ObjectFrom DATA_PROCESS with ObjectType FILE_ID").exception();
        }
        long fileId;
        try {
            fileId = Long.parseLong(objectId);
        } catch (NumberFormatException e) {
            throw PopErrors.invalidParameter("ObjectId", "'" + PopErrors.excerpt(objectId) + "' is not a task's FileId").exception();
        }
        long tenant = caller.tenant().id();
        nodes.readableProject(caller, request.projectId(), Env.DEV);
        DevObject object = objects.require(tenant, request.projectId(), fileId, ProductionNodes.BATCH_TASK, "batch task");
        BatchTask draft = ProductionNodes.read(object.draft());
        Map<String, Node> production = ProductionNodes.byOutput(nodes.all(tenant, Env.PROD));
        Map<String, Node> development = ProductionNodes.byOutput(nodes.all(tenant, Env.DEV));
        List<Dependency> out = new ArrayList<>();
        for (BatchTask.Upstream upstream : draft.upstreams()) {
            Node writer = production.getOrDefault(upstream.outputName(), development.get(upstream.outputName()));
            out.add(dependency(caller, object, upstream, writer));
        }
        return new Response(out);
    }

    private Dependency dependency(Caller caller, DevObject object, BatchTask.Upstream u, Node writer) {
        DependencyPeriod period = u.periodType() == null ? null : new DependencyPeriod(u.periodOffset(), u.periodType());
        if (writer == null) {
            return new Dependency(false, "SCRIPT", null, null, null, null, u.fieldList(), period, u.dependStrategy(), false, null, null, true,
                    u.sourceNodeId(), null, u.outputName(), u.sourceTableName(), u.nodeType() == null ? NodeViews.NODE_TYPE : u.nodeType(),
                    List.of(), List.of(), u.periodDiff(), null, null, null, false, null, false);
        }
        BatchTask task = writer.task();
        Project project = projects.require(object.tenantId(), writer.object().projectId());
        return new Dependency(false, "SCRIPT", null, null, task.cronExpression(), task.customSchedule() != null, u.fieldList(), period,
                u.dependStrategy(), false, null, null, true, writer.id(), task.name(), u.outputName(), u.sourceTableName(), NodeViews.NODE_TYPE,
                List.of(), List.of(views.names(caller, List.of(writer.object().ownerId())).ref(writer.object().ownerId())), u.periodDiff(),
                project.id(), project.displayName() == null ? project.name() : project.displayName(), NodeViews.period(task),
                writer.object().id() == object.id(), NodeViews.operatorType(task), true);
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) throw PopErrors.missingParameter(path).exception();
        return value.trim();
    }
}
