package dev.sluice.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** "Last used" of an AccessKey: set by admitted calls made with it, left empty for a key never used. */
@SluiceServerTest
class KeyUsageTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Accounts accounts;

    @Autowired
    KeyUsage keyUsage;

    @Test
    void anAdmittedCallMarksItsKeyAsUsed() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        KeyPair idle = admin.createAccessKey(account.mainUser().id());
        long before = Instant.now().toEpochMilli();
        new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret()).call("GetMyTenants")
                .param("OpTenantId", account.tenant().id()).send();
        new RawClient(port, idle.accessKeyId(), "not-its-secret").call("GetMyTenants")
                .param("OpTenantId", account.tenant().id()).send();
        keyUsage.flush();

        var keys = accounts.accessKeys(account.mainUser().id());
        assertThat(keys).filteredOn(k -> k.id().equals(account.key().accessKeyId())).singleElement()
                .satisfies(k -> assertThat(k.lastUsedAt()).isBetween(before - 1000, Instant.now().toEpochMilli()));
        assertThat(keys).filteredOn(k -> k.id().equals(idle.accessKeyId())).singleElement()
                .satisfies(k -> assertThat(k.lastUsedAt()).as("a refused call does not count as use").isNull());
    }
}
