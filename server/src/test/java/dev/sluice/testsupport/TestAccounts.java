package dev.sluice.testsupport;

import java.util.UUID;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.catalog.Edition;

/** Fresh accounts for tests, each with a unique name so test classes never share counters or data. */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static NewAccount create(AccountAdmin admin, Edition edition) {
        return admin.createAccount("test-" + UUID.randomUUID(), edition, "cn-hangzhou", "owner");
    }
}
