package dev.sluice.console.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.metering.UsageQueries;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** The catalog by module and group, search, edition marks, and "try it" as a real, counted call. */
@SluiceServerTest
class ConsoleExplorerTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    @Autowired
    UsageQueries usage;

    @Test
    void theCatalogMarksWhatTheEditionAllowsAndSearchesByName() {
        NewAccount account = TestAccounts.create(admin, "agile");
        ConsoleSession console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);
        String all = console.get("/console/apis").body();
        assertThat(all).contains("Platform management", "User and authorization", "GetMyTenants", "Needs a higher edition", "Included");
        String found = console.getPartial("/console/apis?q=mytenants").body();
        assertThat(found).contains("GetMyTenants", "1 operations").doesNotContain("GetMyRoles");
    }

    @Test
    void tryingAnOperationMakesARealSignedCallThatCounts() {
        NewAccount account = TestAccounts.create(admin, "intelligent");
        ConsoleSession console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);
        String page = console.get("/console/apis/GetMyTenants").body();
        assertThat(page).contains("OpTenantId", "Try it", account.key().accessKeyId(), String.valueOf(account.tenant().id()));

        var result = console.post("/console/apis/GetMyTenants", Map.of("accessKeyId", account.key().accessKeyId(),
                "p.OpTenantId", String.valueOf(account.tenant().id())));
        assertThat(result.status()).isEqualTo(200);
        assertThat(result.body()).contains("HTTP 200", "TenantList", String.valueOf(account.tenant().id()));
        assertThat(usage.todayCounts(account.account().id()).dayTotal()).isEqualTo(1);

        var refused = console.post("/console/apis/GetMyTenants", Map.of("accessKeyId", account.key().accessKeyId(), "p.OpTenantId", "1"));
        assertThat(refused.body()).contains("HTTP 403", "Forbidden.OpTenantId");

        var noKey = console.post("/console/apis/GetMyTenants", Map.of("accessKeyId", "LTAInot-one-of-mine",
                "p.OpTenantId", String.valueOf(account.tenant().id())));
        assertThat(noKey.status()).as("answered in the result area, which htmx swaps only for 2xx").isEqualTo(200);
        assertThat(noKey.body()).contains("Choose one of your enabled AccessKeys");
        assertThat(usage.todayCounts(account.account().id()).dayTotal()).as("no call was made").isEqualTo(1);
    }
}
