package dev.sluice.platform;

import java.util.List;

/**
 * Extension point of ownership transfer ({@code TransferOwnershipForAllObject}): every module that keeps objects with
 * an owner (projects, data sources, user groups, and later modules' files, tasks, APIs) contributes one bean, so a
 * transfer moves everything a user owns without the transfer knowing each module.
 */
public interface OwnedObjects {

    /** The kind of object this bean moves, as shown in transfer progress, e.g. {@code "PROJECT"}. */
    String objectType();

    /** What {@code userId} owns in the tenant, in a stable order. */
    List<OwnedObject> ownedBy(long tenantId, long userId);

    /**
     * Makes {@code newOwnerUserId} the owner of one object. Throws a {@link dev.sluice.protocol.PopException} or any
     * runtime exception when it cannot; the transfer records the failure for that item and carries on with the rest.
     */
    void transfer(long tenantId, OwnedObject object, long newOwnerUserId);

    /** One owned object: its kind, its id as text and a name a person recognises. */
    record OwnedObject(String type, String id, String name) {
    }
}
