package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.governance.NonceClaim;
import dev.sluice.governance.NonceRegistry;
import dev.sluice.security.WireCalls.Answer;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * Issue 15 item 10 (nonces): a signature nonce is remembered for the whole clock window (in cluster mode as part of a
 * Redis key), so a huge one let a few thousand requests fill the store and stop every account. Nonces, AccessKey ids
 * and timestamps are now bounded before the server keeps or looks up anything; these attacks are refused and leave
 * nothing behind.
 */
@SluiceServerTest
class NonceBoundsAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    NonceRegistry nonces;

    NewAccount account;
    WireCalls wire;

    @BeforeEach
    void newAccount() {
        account = TestAccounts.create(admin, "intelligent");
        wire = new WireCalls(port, account.key().accessKeyId(), account.key().accessKeySecret());
    }

    private Map<String, String> myTenants() {
        return Map.of("Action", "GetMyTenants", "OpTenantId", String.valueOf(account.tenant().id()));
    }

    /** True when the registry has never seen this nonce for the account's key (asking records it, for this test only). */
    private boolean neverStored(String nonce) {
        return nonces.firstUse(new NonceClaim(account.account().id(), account.account().region(), account.key().accessKeyId(),
                nonce, Duration.ofMinutes(30)));
    }

    private static void refusedNaming(Answer answer, String field) {
        assertThat(answer.status()).as(answer.text().length() > 500 ? answer.text().substring(0, 500) : answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("InvalidParameter");
        assertThat(answer.message()).contains("'" + field + "'");
        assertThat(answer.text().length()).as("the answer never repeats the value").isLessThan(1_000);
    }

    @Test
    void aHalfMegabyteNonceIsRefusedAndNeverStored() {
        String huge = "n".repeat(512 * 1024);

        Answer answer = wire.classic(myTenants(), huge, Map.of());

        refusedNaming(answer, "SignatureNonce");
        assertThat(answer.message()).contains("524288 characters", "at most 64");
        assertThat(neverStored(huge)).isTrue();
    }

    @Test
    void aNonceOneCharacterTooLongIsRefusedAndNeverStoredWhileSixtyFourPass() {
        String tooLong = UUID.randomUUID().toString().replace("-", "") + UUID.randomUUID().toString().replace("-", "") + "x";
        assertThat(tooLong).hasSize(65);

        refusedNaming(wire.classic(myTenants(), tooLong, Map.of()), "SignatureNonce");
        assertThat(neverStored(tooLong)).isTrue();

        String longest = tooLong.substring(1);
        Answer accepted = wire.classic(myTenants(), longest, Map.of());
        assertThat(accepted.status()).as(accepted.text()).isEqualTo(200);
        assertThat(neverStored(longest)).as("an accepted nonce is remembered, so the probe above means something").isFalse();
    }

    @Test
    void aNonceIsRefusedBeforeAnythingElseIsLookedAtEvenForAnUnknownKeyOrACallRefusedLater() {
        String tooLong = "z".repeat(65);
        // An AccessKey nobody has: refused for the nonce, not looked up.
        Answer unknownKey = new WireCalls(port, "LTAI-nobody", "secret").classic(myTenants(), tooLong, Map.of());
        refusedNaming(unknownKey, "SignatureNonce");
        // A call the chain would refuse after authentication (another tenant): the nonce is refused first.
        Answer otherTenant = wire.classic(Map.of("Action", "GetMyTenants", "OpTenantId", "1"), tooLong, Map.of());
        refusedNaming(otherTenant, "SignatureNonce");
        assertThat(neverStored(tooLong)).isTrue();
    }

    @Test
    void aNonceWithSpacesOrControlCharactersIsRefused() {
        for (String odd : new String[] {"a nonce", "tab\there", "line\nbreak", "ünïcode"}) {
            refusedNaming(wire.classic(myTenants(), odd, Map.of()), "SignatureNonce");
            assertThat(neverStored(odd)).isTrue();
        }
    }

    @Test
    void anAcs3NonceHeaderIsBoundedTheSameWay() {
        String tooLong = "h".repeat(65);

        Answer answer = wire.acs3("GetMyTenants", Map.of("OpTenantId", String.valueOf(account.tenant().id())), tooLong, Map.of(), Map.of());

        refusedNaming(answer, "x-acs-signature-nonce");
        assertThat(neverStored(tooLong)).isTrue();
        Answer fine = wire.acs3("GetMyTenants", Map.of("OpTenantId", String.valueOf(account.tenant().id())), "h".repeat(64), Map.of(), Map.of());
        assertThat(fine.status()).as(fine.text()).isEqualTo(200);
    }

    @Test
    void anOversizedAccessKeyIdOrTimestampIsRefusedWithoutBeingEchoed() {
        Answer longKey = new WireCalls(port, "K".repeat(300_000), "secret").classic(myTenants(), Map.of());
        refusedNaming(longKey, "AccessKeyId");

        Answer longCredential = new WireCalls(port, "K".repeat(65), "secret").acs3("GetMyTenants", Map.of(), "n-" + UUID.randomUUID(),
                Map.of(), Map.of());
        refusedNaming(longCredential, "Credential");

        Map<String, String> hugeTimestamp = new java.util.LinkedHashMap<>(myTenants());
        hugeTimestamp.put("SignatureMethod", "HMAC-SHA1");
        hugeTimestamp.put("SignatureVersion", "1.0");
        hugeTimestamp.put("AccessKeyId", account.key().accessKeyId());
        hugeTimestamp.put("SignatureNonce", UUID.randomUUID().toString());
        hugeTimestamp.put("Timestamp", "2".repeat(300_000));
        hugeTimestamp.put("Signature", "x");
        hugeTimestamp.put("Version", "2023-06-30");
        Answer timestamp = WireCalls.send(java.net.http.HttpRequest.newBuilder(wire.root())
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(dev.sluice.protocol.FormParameters.format(hugeTimestamp))).build());
        assertThat(timestamp.status()).isEqualTo(400);
        assertThat(timestamp.code()).isEqualTo("InvalidTimeStamp.Format");
        assertThat(timestamp.text().length()).isLessThan(1_000);
    }
}
