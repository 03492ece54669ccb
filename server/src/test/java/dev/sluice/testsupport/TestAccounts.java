package dev.sluice.testsupport;

import java.util.UUID;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;

/** Fresh accounts for tests, each with a unique name so test classes never share counters or data. */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static NewAccount create(AccountAdmin admin, String plan) {
        return admin.createAccount("test-" + UUID.randomUUID(), plan, "cn-hangzhou", "owner");
    }
}
