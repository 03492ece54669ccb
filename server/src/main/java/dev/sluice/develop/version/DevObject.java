package dev.sluice.develop.version;

/**
 * A versioned development object as stored now.
 *
 * @param id            the id of its file in the development tree (the wire's {@code FileId})
 * @param kind          which module's object, e.g. {@code BATCH_TASK}
 * @param subtype       the object type publish records show, e.g. {@code VIRTUAL}
 * @param draft         the draft, JSON in the kind's own shape
 * @param latestVersion the last version frozen by a submit, 0 before the first
 * @param prodVersion   the version of the production node, null when none is in production
 */
public record DevObject(long id, long tenantId, long projectId, String kind, String subtype, String name, long ownerId,
                        String draft, int latestVersion, Integer prodVersion, long createdBy, long createdAt,
                        long modifiedBy, long modifiedAt) {

    public boolean inProduction() {
        return prodVersion != null;
    }

    /** The scheduling node's id as the wire shows it. */
    public String nodeId() {
        return nodeId(id);
    }

    public static String nodeId(long objectId) {
        return "n_" + objectId;
    }
}
