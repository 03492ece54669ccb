package dev.sluice.develop.batch;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.platform.OwnedObjects;
import dev.sluice.protocol.PopErrors;

/** Batch tasks move with {@code TransferOwnershipForAllObject}: the new owner submits and takes them offline from then on. */
@Component
class BatchTaskOwnership implements OwnedObjects {

    private final VersionedObjects objects;

    BatchTaskOwnership(VersionedObjects objects) {
        this.objects = objects;
    }

    @Override
    public String objectType() {
        return BatchTasks.KIND;
    }

    @Override
    public List<OwnedObject> ownedBy(long tenantId, long userId) {
        return objects.ownedBy(tenantId, userId).stream().filter(o -> o.kind().equals(BatchTasks.KIND))
                .map(o -> new OwnedObject(BatchTasks.KIND, String.valueOf(o.id()), o.name())).toList();
    }

    @Override
    public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
        long id = Long.parseLong(object.id());
        objects.find(tenantId, id).filter(o -> o.kind().equals(BatchTasks.KIND))
                .orElseThrow(() -> PopErrors.notFound(BatchTasks.WHAT, id).exception());
        objects.transferOwner(tenantId, id, newOwnerUserId);
    }
}
