package dev.sluice.governance.cluster;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;

import dev.sluice.governance.AdmissionCounters;
import dev.sluice.governance.AdmissionCountersContract;
import dev.sluice.metering.UsageCounts;
import dev.sluice.testsupport.OwnRedis;

/**
 * The counters contract for cluster mode, against a real Redis: the same assertions the embedded counters pass.
 * The script is given each call's time as its clock, so the tests can move time; each test has its own key prefix.
 */
class ClusterCountersTest extends AdmissionCountersContract {

    private static final OwnRedis[] OWN = new OwnRedis[1];
    private static RedisLink link;
    private static String url;
    private String prefix;

    @BeforeAll
    static void connect() throws Exception {
        url = OwnRedis.sharedUrlOr(OWN);
        link = new RedisLink(url, Duration.ofSeconds(2));
    }

    @AfterAll
    static void disconnect() throws Exception {
        link.close();
        if (OWN[0] != null) OWN[0].close();
    }

    @Override
    protected AdmissionCounters counters(UsageCounts ledger, Clock clock) {
        if (prefix == null) prefix = "test-" + UUID.randomUUID() + ":";
        RedisScripts scripts = new RedisScripts(link);
        ClusterKeys keys = new ClusterKeys(prefix);
        // No settle time: these tests have no calls in flight; the settle logic has its own tests.
        return new RedisCounters(scripts, keys, new LedgerRebuild(scripts, keys, ledger, Duration.ZERO), SHANGHAI, true);
    }

    @AfterEach
    void removeKeys() throws Exception {
        OwnRedis.deleteKeys(url, prefix);
    }
}
