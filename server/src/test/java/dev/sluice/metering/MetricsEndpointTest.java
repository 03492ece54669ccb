package dev.sluice.metering;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.NewAccount;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** What an operator's Prometheus scrapes: calls by outcome, reason, level and action, and the ledger's batches. */
@SluiceServerTest
class MetricsEndpointTest {

    @LocalServerPort
    int port;

    /** The actuator's own port, on the loopback address (what Prometheus on the same machine scrapes). */
    @LocalManagementPort
    int managementPort;

    @Autowired
    AccountAdmin admin;

    @Test
    void admittedAndRefusedCallsAndLedgerCommitsAreExported() throws Exception {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        RawClient client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send();
        client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).signedWith("wrong").send();

        String scrape = get(managementPort, "/actuator/prometheus");
        assertThat(scrape).containsPattern("sluice_calls_total\\{[^}]*action=\"GetMyTenants\"[^}]*outcome=\"admitted\"");
        assertThat(scrape).containsPattern("sluice_calls_total\\{[^}]*outcome=\"refused\"[^}]*reason=\"Authenticate\"");
        assertThat(scrape).contains("sluice_ledger_batch_size_count", "sluice_ledger_commit_seconds_count",
                "sluice_ledger_queue_depth");
        assertThat(get(port, "/actuator/health")).contains("\"status\":\"UP\"");
    }

    private static String get(int port, String path) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            return response.body();
        }
    }
}
