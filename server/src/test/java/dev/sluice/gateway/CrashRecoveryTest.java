package dev.sluice.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.sluice.metering.internal.LedgerJournal;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.ServerProcess;

/**
 * kill -9 in the middle of load: every call that was answered 2xx must be in the ledger once the server is back,
 * exactly once, and the restarted server must count on from there.
 */
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    @Test
    void everyAnsweredCallSurvivesAKillAndIsCountedOnce() throws Exception {
        Set<String> answered = ConcurrentHashMap.newKeySet();
        String tenant;
        String keyId;
        String secret;
        try (ServerProcess server = ServerProcess.start(dataDir)) {
            var facts = server.printed().facts();
            tenant = facts.get("TenantId");
            keyId = facts.get("AccessKeyId");
            secret = facts.get("AccessKeySecret");
            RawClient client = new RawClient(server.port(), keyId, secret);
            AtomicBoolean running = new AtomicBoolean(true);
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                callers.add(Thread.ofVirtual().start(() -> {
                    while (running.get()) {
                        try {
                            RawClient.Response response = client.call("GetMyTenants").param("OpTenantId", tenant).send();
                            if (response.status() == 200) answered.add(response.body().get("RequestId").asString());
                        } catch (RuntimeException connectionLost) {
                            return;
                        }
                    }
                }));
            }
            Instant until = Instant.now().plus(Duration.ofSeconds(20));
            while (answered.size() < 300 && Instant.now().isBefore(until)) Thread.sleep(20);
            server.kill();
            running.set(false);
            for (Thread caller : callers) caller.join(Duration.ofSeconds(30));
        }
        assertThat(answered).as("calls answered before the kill").hasSizeGreaterThanOrEqualTo(100);

        // The restarted server first replays its ledger journal (calls answered but not yet copied into the
        // database when it died), then takes calls again.
        try (ServerProcess restarted = ServerProcess.start(dataDir)) {
            // The journal is the embedded node's per-call ledger.
            Map<String, Integer> ledger = new HashMap<>();
            LedgerJournal.forEachRecord(dataDir.resolve("ledger-journal"), call -> {
                if (call.admitted()) ledger.merge(call.requestId(), 1, Integer::sum);
            });
            assertThat(ledger.keySet()).containsAll(answered);
            assertThat(ledger.values()).allMatch(count -> count == 1);

            RawClient.Response usage = new RawClient(restarted.port(), keyId, secret).call("GetOpenApiUsage")
                    .param("OpTenantId", tenant).send();
            assertThat(usage.status()).isEqualTo(200);
            assertThat(usage.body().get("Usage").get("CallsThisMonth").asLong()).isEqualTo(ledger.size());
        }
    }
}
