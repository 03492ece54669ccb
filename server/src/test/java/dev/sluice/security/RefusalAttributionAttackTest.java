package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.metering.UsageQueries;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, item 5: refusals cannot be spent on someone else's account. An attacker who knows only a victim's
 * AccessKeyId (it travels in every request, and shows in logs and screenshots) sends calls naming it: forged
 * signatures, stale timestamps, replays of a captured request, a security token. None of them may appear in the
 * victim's refusal figures; they are counted by source address. A refusal of the victim's own signed call still does.
 */
@SluiceServerTest
class RefusalAttributionAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    UsageQueries usage;

    @Autowired
    MeterRegistry registry;

    @Test
    void callsNamingTheVictimsKeyWithoutItsSecretAreNotRecordedAgainstTheVictim() throws InterruptedException {
        NewAccount victim = TestAccounts.create(admin, "intelligent");
        String victimKey = victim.key().accessKeyId();
        RawClient genuine = new RawClient(port, victimKey, victim.key().accessKeySecret());
        RawClient attacker = new RawClient(port, victimKey, "guessed-secret");
        Map<String, Double> before = unauthenticatedCounts();

        // A request the victim really sent, captured on the way, then replayed (same nonce, timestamp and signature).
        Instant at = Instant.now();
        assertThat(myTenants(genuine, victim).nonce("captured-nonce").at(at).send().status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Response replay = myTenants(genuine, victim).nonce("captured-nonce").at(at).send();
            assertThat(replay.code()).isEqualTo("SignatureNonceUsed");
        }
        for (int i = 0; i < 5; i++) {
            assertThat(myTenants(attacker, victim).send().code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(myTenants(attacker, victim).acs3().send().code()).isEqualTo("SignatureDoesNotMatch");
            assertThat(myTenants(attacker, victim).at(Instant.now().minus(Duration.ofHours(1))).send().code())
                    .isEqualTo("InvalidTimeStamp.Expired");
            assertThat(myTenants(attacker, victim).securityToken("stolen-looking").send().code())
                    .isEqualTo("Forbidden.SecurityToken");
        }

        // The victim's own call, signed and refused by policy, is the victim's and stays in its figures.
        User noPolicy = admin.createUser(victim.account().id(), "no-policy", EnumSet.noneOf(Policy.class));
        var noPolicyKey = admin.createAccessKey(noPolicy.id());
        Response own = myTenants(new RawClient(port, noPolicyKey.accessKeyId(), noPolicyKey.accessKeySecret()), victim).send();
        assertThat(own.code()).isEqualTo("Forbidden.RAM");

        awaitRefusals(victim, 1);
        JsonNode refused = myUsage(genuine, victim).get("RefusedThisMonth");
        Map<String, Long> byCode = new LinkedHashMap<>();
        refused.forEach(row -> byCode.put(row.get("Code").asString(), row.get("Calls").asLong()));
        assertThat(byCode).as("only the victim's own refusal").containsExactly(Map.entry("Forbidden.RAM", 1L));

        // Counted instead by where they came from (and logged per address, at most once a minute).
        Map<String, Double> after = unauthenticatedCounts();
        assertThat(after.get("SignatureNonceUsed") - before.get("SignatureNonceUsed")).isEqualTo(5);
        assertThat(after.get("SignatureDoesNotMatch") - before.get("SignatureDoesNotMatch")).isEqualTo(10);
        assertThat(after.get("InvalidTimeStamp.Expired") - before.get("InvalidTimeStamp.Expired")).isEqualTo(5);
        assertThat(after.get("Forbidden.SecurityToken") - before.get("Forbidden.SecurityToken")).isEqualTo(5);
    }

    @Test
    void requestsOfADisabledKeyReplayedByWhoeverCapturedThemAreNotTheAccountsFiguresEither() throws InterruptedException {
        NewAccount victim = TestAccounts.create(admin, "intelligent");
        User spare = admin.createUser(victim.account().id(), "spare", EnumSet.of(Policy.FULL_ACCESS));
        var spareKey = admin.createAccessKey(spare.id());
        admin.setAccessKeyEnabled(spareKey.accessKeyId(), false);
        // A disabled key's nonces are not recorded, so one captured request can be sent again and again.
        RawClient captured = new RawClient(port, spareKey.accessKeyId(), spareKey.accessKeySecret());
        Instant at = Instant.now();
        for (int i = 0; i < 3; i++) {
            assertThat(myTenants(captured, victim).nonce("captured").at(at).send().code()).isEqualTo("InvalidAccessKeyId.Inactive");
        }
        User noPolicy = admin.createUser(victim.account().id(), "no-policy", EnumSet.noneOf(Policy.class));
        var noPolicyKey = admin.createAccessKey(noPolicy.id());
        myTenants(new RawClient(port, noPolicyKey.accessKeyId(), noPolicyKey.accessKeySecret()), victim).send();

        awaitRefusals(victim, 1);
        RawClient genuine = new RawClient(port, victim.key().accessKeyId(), victim.key().accessKeySecret());
        JsonNode refused = myUsage(genuine, victim).get("RefusedThisMonth");
        assertThat(refused.size()).isEqualTo(1);
        assertThat(refused.get(0).get("Code").asString()).isEqualTo("Forbidden.RAM");
    }

    private static RawClient.Call myTenants(RawClient client, NewAccount account) {
        return client.call("GetMyTenants").param("OpTenantId", account.tenant().id());
    }

    private static JsonNode myUsage(RawClient client, NewAccount account) {
        Response response = client.call("GetOpenApiUsage").param("OpTenantId", account.tenant().id()).send();
        assertThat(response.status()).isEqualTo(200);
        return response.body().get("Usage");
    }

    /** Refusals are recorded without anyone waiting for them: wait for the expected ones (and a little for others). */
    private void awaitRefusals(NewAccount account, long expected) throws InterruptedException {
        YearMonth month = YearMonth.from(usage.today());
        for (int i = 0; i < 50 && refusedCalls(account, month) < expected; i++) Thread.sleep(100);
        Thread.sleep(300);
    }

    private long refusedCalls(NewAccount account, YearMonth month) {
        return usage.month(account.account(), month).refused().stream().mapToLong(r -> r.calls()).sum();
    }

    private Map<String, Double> unauthenticatedCounts() {
        Map<String, Double> counts = new LinkedHashMap<>();
        for (String code : new String[] {"SignatureNonceUsed", "SignatureDoesNotMatch", "InvalidTimeStamp.Expired", "Forbidden.SecurityToken"}) {
            Counter counter = registry.find("sluice.refusals.unauthenticated").tag("code", code).counter();
            counts.put(code, counter == null ? 0 : counter.count());
        }
        return counts;
    }
}
