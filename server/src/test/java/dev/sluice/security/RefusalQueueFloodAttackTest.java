package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.account.Policy;
import dev.sluice.account.User;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.RawClient.Response;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;
import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Issue 15, item 5: one AccessKey flooding calls that are refused (here over its 1-call-a-second plan) must not fill
 * the ledger's backlog that every account's calls share. The ledger's copier is held back (it runs hourly here, as it
 * would while the database is slow), so what waits in memory is what the attack can fill: before, the flood's
 * refusals took the whole backlog and everybody's admitted calls were refused with 503.
 */
@SluiceServerTest
@TestPropertySource(properties = {"sluice.ledger.max-unstored=200", "sluice.ledger.store-interval=1h",
        "sluice.ledger.store-batch=1000000", "sluice.ledger.refusals-per-key=20"})
class RefusalQueueFloodAttackTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    MeterRegistry registry;

    @Test
    void aKeyFloodingRefusedCallsFillsOnlyItsOwnShareOfTheLedgersBacklog() throws Exception {
        NewAccount victim = TestAccounts.create(admin, "intelligent");
        RawClient victimClient = new RawClient(port, victim.key().accessKeyId(), victim.key().accessKeySecret());
        assertThat(myTenants(victimClient, victim).send().status()).isEqualTo(200);
        User noPolicy = admin.createUser(victim.account().id(), "no-policy", EnumSet.noneOf(Policy.class));
        var noPolicyKey = admin.createAccessKey(noPolicy.id());

        NewAccount flooder = TestAccounts.create(admin, "tinyqps");
        RawClient flood = new RawClient(port, flooder.key().accessKeyId(), flooder.key().accessKeySecret());
        double droppedBefore = registry.counter("sluice.ledger.refusals.dropped").count();
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 400; i++) answers.add(senders.submit(() -> myTenants(flood, flooder).send()));
        }
        long throttled = 0;
        for (Future<Response> answer : answers) if ("Throttling.User".equals(answer.get().code())) throttled++;
        assertThat(throttled).as("the flood is refused over its plan's QPS").isGreaterThan(300);

        assertThat(myTenants(victimClient, victim).send().status()).as("another account's call is still answered").isEqualTo(200);
        Response own = myTenants(new RawClient(port, noPolicyKey.accessKeyId(), noPolicyKey.accessKeySecret()), victim).send();
        assertThat(own.code()).isEqualTo("Forbidden.RAM");
        assertThat(registry.counter("sluice.ledger.refusals.dropped").count() - droppedBefore)
                .as("the flood's refusals beyond its share are dropped, and counted").isGreaterThan(250);

        // A usage read lets the copier catch up: the victim's own refusal was not pushed out by the flood.
        Response usage = victimClient.call("GetOpenApiUsage").param("OpTenantId", victim.tenant().id()).send();
        assertThat(usage.status()).isEqualTo(200);
        JsonNode refused = usage.body().get("Usage").get("RefusedThisMonth");
        assertThat(refused.size()).isEqualTo(1);
        assertThat(refused.get(0).get("Code").asString()).isEqualTo("Forbidden.RAM");
        assertThat(refused.get(0).get("Calls").asLong()).isEqualTo(1);
    }

    private static RawClient.Call myTenants(RawClient client, NewAccount account) {
        return client.call("GetMyTenants").param("OpTenantId", account.tenant().id());
    }
}
