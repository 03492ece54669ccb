package dev.sluice.account;

import java.util.Set;

/**
 * Everything the admission chain needs about the holder of an AccessKey, resolved in one lookup: the key's secret for
 * signature checks, and the user, account, tenant and policies it acts as.
 *
 * @param tenantMember whether the user holds any role in the tenant; a user removed from the tenant keeps its keys
 *                     but may no longer act in it
 */
public record Credential(String accessKeyId, String secret, boolean keyEnabled, User user, Account account, Tenant tenant,
                         Set<Policy> policies, boolean tenantMember) {

    @Override
    public String toString() {
        return "Credential[" + accessKeyId + ", user " + user.id() + ", account " + account.id() + "]";
    }
}
