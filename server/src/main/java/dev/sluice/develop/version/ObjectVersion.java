package dev.sluice.develop.version;

/** A version frozen by a submit: the draft as it was then. Never changes. */
public record ObjectVersion(long objectId, int version, String payload, ChangeType changeType, String comment,
                            long submittedBy, long submittedAt) {
}
