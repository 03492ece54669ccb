package dev.sluice.console.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.Accounts;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** Operators change an account's plan and switches and see its bills; the change governs the next call. */
@SluiceServerTest
class ConsoleAdminTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    Accounts accounts;

    @Autowired
    ConsoleLogins logins;

    @Test
    void anOperatorChangesAPlanAndFlagsAnAccountOverdue() {
        NewAccount operator = TestAccounts.create(admin, "intelligent");
        String login = ConsoleFixtures.consoleUser(logins, operator);
        logins.setOperator(operator.mainUser().id(), true);
        NewAccount customer = TestAccounts.create(admin, "agile");
        var client = new RawClient(port, customer.key().accessKeyId(), customer.key().accessKeySecret());
        client.call("GetMyTenants").param("OpTenantId", customer.tenant().id()).send();

        ConsoleSession console = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        String page = console.get("/console/admin/accounts/" + customer.account().id()).body();
        assertThat(page).contains(customer.account().name(), "Monthly bills", "Open (so far)", "Pay-as-you-go");

        var saved = console.post("/console/admin/accounts/" + customer.account().id(), Map.of("plan", "basic", "overdue", "true"));
        assertThat(saved.status()).isEqualTo(302);
        var updated = accounts.account(customer.account().id()).orElseThrow();
        assertThat(updated.plan()).isEqualTo("basic");
        assertThat(updated.overdue()).isTrue();
        assertThat(updated.payAsYouGo()).isFalse();
        assertThat(client.call("GetMyTenants").param("OpTenantId", customer.tenant().id()).send().code()).isEqualTo("Forbidden.AccountOverdue");
        assertThat(console.get("/console/admin").body()).contains(customer.account().name(), "Overdue");
    }
}
