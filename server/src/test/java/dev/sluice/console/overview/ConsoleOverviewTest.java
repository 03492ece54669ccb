package dev.sluice.console.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** The overview's figures after known calls, refusals by reason in words, and quota alerts recorded once. */
@SluiceServerTest
class ConsoleOverviewTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUsedUpFreeQuotaShowsItsFiguresItsRefusalsAndOneAlertPerThreshold() {
        NewAccount account = TestAccounts.create(admin, "tinymonth"); // 4 free calls a month, no pay-as-you-go
        var client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        for (int i = 0; i < 6; i++) client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send();
        ConsoleSession console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);

        String page = console.get("/console").body();
        assertThat(page).contains("id=\"calls-month\">4<", "id=\"quota-used\">4<", "id=\"quota-total\">4<",
                "id=\"quota-percent\">100.0 %<", "id=\"billable\">0<", "USD 0.00");
        assertThat(page).contains("Monthly free quota used up (pay-as-you-go is off)", "QuotaExceeded.MonthlyFree");
        assertThat(page).contains("Limit reached", "You have used all of your monthly free quota this month (4 of 4).");
        assertThat(page).contains("data-trend=", "Level 1");

        console.get("/console");
        console.get("/console/keys");
        assertThat(jdbc.sql("select threshold from quota_alert where account_id = ? order by threshold")
                .param(account.account().id()).query(Integer.class).list()).containsExactly(80, 100);
    }

    @Test
    void theLimitsOfThePlanAndTodaysCallsAgainstTheDailyCapsAreShown() {
        NewAccount account = TestAccounts.create(admin, "basic");
        var client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        for (int i = 0; i < 3; i++) client.call("GetMyRoles").param("OpTenantId", account.tenant().id()).send();
        ConsoleSession console = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, account), ConsoleFixtures.PASSWORD);

        String page = console.get("/console").body();
        assertThat(page).contains("id=\"edition\">Basic<", "id=\"region\">cn-hangzhou<", "Level 3 (heavy)", "50,000", "10,000",
                "Levels 1 and 2", "500,000");
        assertThat(page).contains("id=\"calls-today\">3<");
        assertThat(page).contains("No call was refused this month.");
        assertThat(page).doesNotContain("role=\"alert\"");
    }
}
