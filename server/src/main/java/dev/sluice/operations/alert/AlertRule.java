package dev.sluice.operations.alert;

import java.util.List;

/**
 * What to watch and whom to tell.
 *
 * @param nodeId         {@code n_<FileId>}, or null for every node of the project
 * @param timeoutMinutes for {@link Kind#TIMEOUT}: an attempt running (or waiting for a slot) longer than this
 * @param finishBy       for {@link Kind#UNFINISHED}: {@code HH:mm} in {@code sluice.zone}; instances due that day
 *                       before it and not finished by it raise an event
 * @param userIds        users of the account e-mailed at their contact address
 * @param hasWebhookToken whether a token is sent with the webhook (the token itself never leaves the store)
 */
public record AlertRule(long id, long tenantId, long projectId, String nodeId, Kind kind, Integer timeoutMinutes, String finishBy,
                        boolean notifyOwner, List<Long> userIds, String webhookUrl, boolean hasWebhookToken, long createdAt) {

    public enum Kind {
        FAILURE("VDM_BATCH_ERROR"), TIMEOUT("VDM_BATCH_TIME_OUT"), UNFINISHED("VDM_BATCH_UNDONE");

        /** The contract's alert reason type of events this kind raises. */
        final String reason;

        Kind(String reason) {
            this.reason = reason;
        }
    }

    boolean covers(String node) {
        return nodeId == null || nodeId.equals(node);
    }

    /** The part of an event's unique key that names the rule. */
    String key() {
        return "r" + id;
    }
}
