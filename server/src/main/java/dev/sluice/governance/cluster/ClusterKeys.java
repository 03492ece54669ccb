package dev.sluice.governance.cluster;

import dev.sluice.governance.NonceClaim;

/**
 * Names of every Redis key Sluice uses. An account's keys in one region share the hash tag {@code {acct:<id>:<region>}}
 * so that the admission script may touch all of them in Redis Cluster (one slot). The prefix keeps several Sluice
 * installations (or test runs) on one Redis apart.
 */
record ClusterKeys(String prefix) {

    /** QPS buckets of the account in the region. */
    String qps(long accountId, String region) {
        return prefix + tag(accountId, region) + ":qps";
    }

    /** Day and month counts of the account in the region. */
    String usage(long accountId, String region) {
        return prefix + tag(accountId, region) + ":usage";
    }

    /** Set once counts lost with a restarted Redis may be rebuilt from the ledger without waiting. */
    String settled() {
        return prefix + "{rebuild}:settled";
    }

    /** When counts lost with a restarted Redis may be rebuilt. */
    String settling() {
        return prefix + "{rebuild}:settling";
    }

    /** A signature nonce, in its account's slot so that admit.lua can record it with the counts. */
    String nonce(NonceClaim claim) {
        return prefix + tag(claim.accountId(), claim.region()) + ":nonce:" + claim.accessKeyId() + ":" + claim.nonce();
    }

    private static String tag(long accountId, String region) {
        return "{acct:" + accountId + ":" + region + "}";
    }
}
