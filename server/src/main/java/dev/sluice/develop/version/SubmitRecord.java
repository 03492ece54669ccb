package dev.sluice.develop.version;

/** A submit of one version of an object, with the change it makes in production. */
public record SubmitRecord(long id, long tenantId, long projectId, long objectId, String kind, String subtype,
                           String objectName, int version, ChangeType changeType, String comment, long submitter,
                           long submittedAt, SubmitStatus status, long modifiedAt) {
}
