package dev.sluice.platform.project;

import java.net.URI;
import java.time.Clock;
import java.util.List;

import dev.sluice.dispatch.Access;
import dev.sluice.dispatch.Action;
import dev.sluice.dispatch.Caller;
import dev.sluice.dispatch.OperationHandler;
import dev.sluice.platform.source.SourceTypes;
import dev.sluice.protocol.PopErrors;

/**
 * Sets the tenant-wide compute engine: its type, version and cluster endpoints. The contract names no rule; as the
 * setting reaches every project of the tenant, only super and system administrators may change it.
 */
@Action("UpdateTenantComputeEngine")
final class UpdateTenantComputeEngine implements OperationHandler<UpdateTenantComputeEngine.Request, Void> {

    static final int MAX_URLS = 100;
    static final int MAX_STORED = 4000;

    record Request(Command updateCommand) {
    }

    record Command(List<String> clusterUrlList, String type, String version) {
    }

    private final Access access;
    private final TenantComputeEngineStore store;
    private final Clock clock;

    UpdateTenantComputeEngine(Access access, TenantComputeEngineStore store, Clock clock) {
        this.access = access;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public Void handle(Caller caller, Request request) {
        access.tenantAdmin(caller);
        Command command = request.updateCommand();
        String type = SourceTypes.parse(command.type(), "UpdateCommand.Type").name();
        List<String> urls = command.clusterUrlList().stream().map(String::trim).toList();
        if (urls.isEmpty()) throw PopErrors.invalidParameter("UpdateCommand.ClusterUrlList", "name at least one endpoint").exception();
        if (urls.size() > MAX_URLS) throw PopErrors.invalidParameter("UpdateCommand.ClusterUrlList", "at most " + MAX_URLS + " endpoints").exception();
        for (int i = 0; i < urls.size(); i++) {
            if (!endpoint(urls.get(i))) {
                throw PopErrors.invalidParameter("UpdateCommand.ClusterUrlList[" + i + "]",
                        "expected host:port or a URL such as http://host:port, got '" + urls.get(i) + "'").exception();
            }
        }
        // Stored as one text, one endpoint a line, in a column of 4000 characters.
        if (String.join("\n", urls).length() > MAX_STORED) {
            throw PopErrors.invalidParameter("UpdateCommand.ClusterUrlList", "at most " + MAX_STORED + " characters in all").exception();
        }
        String version = command.version() == null ? null : command.version().trim();
        if (version != null && version.length() > 32) throw PopErrors.invalidParameter("UpdateCommand.Version", "at most 32 characters").exception();
        store.save(caller.tenant().id(), type, version, urls, caller.user().id(), clock.millis());
        return null;
    }

    private static boolean endpoint(String url) {
        if (url.isEmpty() || url.length() > 512 || url.contains("\n")) return false;
        try {
            URI uri = URI.create(url.contains("://") ? url : "tcp://" + url);
            return uri.getHost() != null && (url.contains("://") || uri.getPort() > 0);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
