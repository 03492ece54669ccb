package dev.sluice.operations.alert;

import java.util.List;

/**
 * One occurrence, as stored: a rule firing for an instance's attempt, or a quota crossing of the tenant's account.
 *
 * @param uniqueKey    what makes it one occurrence within the tenant (the rule, the instance and its attempt; the
 *                     quota, period and threshold)
 * @param reasonParams the facts of the occurrence, as the contract's key/value list
 * @param receivers    whom the rule tells, as the contract shows receivers
 */
record AlertEvent(long id, long tenantId, Long projectId, Long ruleId, String uniqueKey, String sourceSystem, String objectType,
                  String objectName, String objectId, String reasonType, String bizDate, Long instanceId, Integer attempt,
                  List<Param> reasonParams, List<Receiver> receivers, String status, int totalTimes, long firstAlertAt,
                  long latestAlertAt) {

    record Param(String key, String value) {
    }

    /** The contract's receiver: who (OWNER, USER_DEFINED) by which channels (MAIL, CUSTOM for a webhook). */
    record Receiver(String type, List<String> alertChannelTypeList, List<UserName> userList) {
    }

    record UserName(String name) {
    }

    /** A message of the event still to send: to an address (MAIL) or a webhook URL (CUSTOM). */
    record Message(String channel, String receiverType, Long userId, String userName, String target, String token, String tokenBoundTo) {
    }
}
