package dev.sluice.operations.instance;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.sluice.dispatch.Caller;
import dev.sluice.protocol.PopErrors;

/** Finding a project's instances by wire id: another tenant's or project's answer as unknown. */
@Component
public class Instances {

    private final InstanceStore store;

    Instances(InstanceStore store) {
        this.store = store;
    }

    Instance require(Caller caller, long projectId, String wireId, String path) {
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
}
