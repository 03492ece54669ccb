package dev.sluice.develop.version;

/**
 * One publish of one submit.
 *
 * @param succeeded    whether its change reached production
 * @param errorMessage why not, when it did not
 */
public record PublishRecord(long id, long tenantId, long projectId, long submitId, long objectId, String kind,
                            String subtype, String objectName, int version, ChangeType changeType, String comment,
                            long submitter, long publisher, long publishedAt, boolean succeeded, String errorMessage) {

    /** The publish status as list operations show it: 1 succeeded, 0 failed. */
    public int statusCode() {
        return succeeded ? 1 : 0;
    }
}
