package dev.sluice.dispatch;

import dev.sluice.account.Account;
import dev.sluice.account.Tenant;
import dev.sluice.account.User;

/** Who is calling, as established by the admission chain. */
public record Caller(Account account, Tenant tenant, User user, String accessKeyId, String requestId) {
}
