package dev.sluice.platform.compute;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.project.Env;
import dev.sluice.platform.project.Project;
import dev.sluice.platform.project.Projects;
import dev.sluice.platform.source.ConfigItem;
import dev.sluice.platform.source.ConfigItemStore;
import dev.sluice.platform.source.SourceKind;
import dev.sluice.protocol.PopErrors;

/**
 * The Spark local clients of the compute source a project environment runs on. They come from that compute source's
 * configuration items {@code spark.local-client.<name>.resource-id}, {@code .resource-name} and {@code .editable};
 * a client is listed when it has a resource id.
 */
@Action("GetSparkLocalClientInfo")
final class GetSparkLocalClientInfo implements OperationHandler<GetSparkLocalClientInfo.Request, GetSparkLocalClientInfo.Response> {

    static final String PREFIX = "spark.local-client.";

    record Request(String projectId, Env envEnum) {
    }

    record Response(List<Client> data) {
    }

    record Client(String clientName, String clientFileResourceId, String clientFileResourceName, boolean editable) {
    }

    private final Projects projects;
    private final ComputeSourceStore store;
    private final ConfigItemStore items;

    GetSparkLocalClientInfo(Projects projects, ComputeSourceStore store, ConfigItemStore items) {
        this.projects = projects;
        this.store = store;
        this.items = items;
    }

    @Override
    public Response handle(Caller caller, Request request) {
        String id = request.projectId().trim();
        if (!id.matches("\\d{1,18}")) throw PopErrors.invalidParameter("ProjectId", "a project id is a number, got '" + request.projectId() + "'").exception();
        Env env = Env.required(request.envEnum(), "EnvEnum");
        Project project = projects.require(caller.tenant().id(), Long.parseLong(id));
        Long computeSourceId = project.computeSourceFor(env);
        if (computeSourceId == null) {
            throw PopErrors.notConfigured("Project '" + project.name() + "' has no compute source bound for " + env + ", so it has no Spark client.",
                    "The operator binds compute sources when creating the project.").exception();
        }
        ComputeSource source = store.find(caller.tenant().id(), computeSourceId)
                .orElseThrow(() -> PopErrors.notFound("compute source", computeSourceId).exception());
        List<Client> clients = clients(items.load(SourceKind.COMPUTE, source.id()));
        if (clients.isEmpty()) {
            throw PopErrors.notConfigured("The compute source '" + source.name() + "' of project '" + project.name() + "' (" + env
                            + ") has no Spark local client configured.",
                    "Add the items " + PREFIX + "<name>.resource-id and " + PREFIX + "<name>.resource-name to its configuration with UpdateComputeSource.")
                    .exception();
        }
        return new Response(clients);
    }

    static List<Client> clients(List<ConfigItem> config) {
        Map<String, Map<String, String>> byClient = new LinkedHashMap<>();
        for (ConfigItem item : config) {
            if (!item.key().startsWith(PREFIX)) continue;
            String rest = item.key().substring(PREFIX.length());
            int dot = rest.lastIndexOf('.');
            if (dot <= 0) continue;
            byClient.computeIfAbsent(rest.substring(0, dot), k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), item.value());
        }
        List<Client> clients = new ArrayList<>();
        byClient.forEach((name, fields) -> {
            if (fields.containsKey("resource-id")) {
                clients.add(new Client(name, fields.get("resource-id"), fields.getOrDefault("resource-name", name),
                        Boolean.parseBoolean(fields.getOrDefault("editable", "false"))));
            }
        });
        return clients;
    }
}
