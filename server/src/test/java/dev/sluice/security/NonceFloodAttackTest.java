package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * Issue 15, item 5: the nonce store is bounded per AccessKey. It used to forget the oldest nonces of any key once it
 * was full, so one key's flood of fresh nonces made another key's captured request replayable. Now a key beyond its
 * cap (50 here, 300,000 by default) is refused itself, and every other key's nonces stay remembered. The same with
 * the store's own table and small caps: {@code NonceBudgetTest}, {@code LocalNonceRegistryTest}.
 */
@SluiceServerTest
@TestPropertySource(properties = "sluice.auth.nonces-per-key=50")
class NonceFloodAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Test
    void aKeyFloodingNoncesIsRefusedAndAnotherKeysCapturedRequestStaysUnreplayable() {
        NewAccount victim = TestAccounts.create(admin, "intelligent");
        RawClient victimClient = new RawClient(port, victim.key().accessKeyId(), victim.key().accessKeySecret());
        Instant at = Instant.now();
        assertThat(myTenants(victimClient, victim).nonce("captured").at(at).send().status()).isEqualTo(200);

        NewAccount flooder = TestAccounts.create(admin, "intelligent");
        RawClient flood = new RawClient(port, flooder.key().accessKeyId(), flooder.key().accessKeySecret());
        for (int i = 0; i < 50; i++) assertThat(myTenants(flood, flooder).send().message()).doesNotContain("signed requests");
        for (int i = 0; i < 20; i++) {
            Response refused = myTenants(flood, flooder).send();
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.code()).isEqualTo("Throttling.User");
            assertThat(refused.message()).contains("AccessKey " + flooder.key().accessKeyId() + " sent more than 50 signed requests in 30 minutes");
            assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 31 * 60L);
        }

        assertThat(myTenants(victimClient, victim).nonce("captured").at(at).send().code())
                .as("the victim's captured request cannot be replayed").isEqualTo("SignatureNonceUsed");
        assertThat(myTenants(victimClient, victim).send().status()).as("nor is the victim throttled by the flood").isEqualTo(200);
    }

    @Test
    void replayingACapturedRequestOverAndOverDoesNotUseUpItsKeysNonces() {
        NewAccount victim = TestAccounts.create(admin, "intelligent");
        RawClient victimClient = new RawClient(port, victim.key().accessKeyId(), victim.key().accessKeySecret());
        Instant at = Instant.now();
        assertThat(myTenants(victimClient, victim).nonce("captured").at(at).send().status()).isEqualTo(200);
        for (int i = 0; i < 60; i++) {
            assertThat(myTenants(victimClient, victim).nonce("captured").at(at).send().code()).isEqualTo("SignatureNonceUsed");
        }
        assertThat(myTenants(victimClient, victim).send().status()).isEqualTo(200);
    }

    private static RawClient.Call myTenants(RawClient client, NewAccount account) {
        return client.call("GetMyTenants").param("OpTenantId", account.tenant().id());
    }
}
