package dev.sluice.develop.resource;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.sluice.develop.version.VersionedObjects;
import dev.sluice.platform.OwnedObjects;
import dev.sluice.protocol.PopErrors;

/** Resources and UDFs move with {@code TransferOwnershipForAllObject}: the new owner deletes them from then on. */
@Configuration(proxyBeanMethods = false)
class ResourceOwnership {

    @Bean
    OwnedObjects resourceObjectsOwnership(VersionedObjects objects) {
        return new OfKind(objects, ResourceObjects.RESOURCE);
    }

    @Bean
    OwnedObjects udfObjectsOwnership(VersionedObjects objects) {
        return new OfKind(objects, ResourceObjects.UDF);
    }

    private record OfKind(VersionedObjects objects, String kind) implements OwnedObjects {

        @Override
        public String objectType() {
            return kind;
        }

        @Override
        public List<OwnedObject> ownedBy(long tenantId, long userId) {
            return objects.ownedBy(tenantId, userId).stream().filter(o -> o.kind().equals(kind))
                    .map(o -> new OwnedObject(kind, String.valueOf(o.id()), o.name())).toList();
        }

        @Override
        public void transfer(long tenantId, OwnedObject object, long newOwnerUserId) {
            long id = Long.parseLong(object.id());
            objects.find(tenantId, id).filter(o -> o.kind().equals(kind))
                    .orElseThrow(() -> PopErrors.notFound(ResourceObjects.what(kind), id).exception());
            objects.transferOwner(tenantId, id, newOwnerUserId);
        }
    }
}
