package dev.sluice.console.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.develop.DevFixture;
import dev.sluice.operations.PublishedNodes;
import dev.sluice.operations.TodayInstances;
import dev.sluice.operations.TodayInstances.Row;
import dev.sluice.operations.instance.InstanceGenerator;
import dev.sluice.platform.PlatformFixture.Sub;
import dev.sluice.platform.project.Projects;
import dev.sluice.runner.Engine;
import dev.sluice.runner.RunnerServerTest;
import dev.sluice.runner.RunnerTestEngines;
import dev.sluice.runner.RunnerTestEngines.Target;
import dev.sluice.testsupport.TestAccounts;

/**
 * The console's Operations page: a user sees today's instances of the projects they may read, with state and a log
 * that holds what ran; another account's user, and a tenant member outside the project, see none of them.
 */
@RunnerServerTest
class ConsoleOperationsTest {

    @LocalServerPort
    int port;
    @Autowired
    AccountAdmin admin;
    @Autowired
    Projects projects;
    @Autowired
    ConsoleLogins logins;
    @Autowired
    RunnerTestEngines.Registry engines;
    @Autowired
    InstanceGenerator generator;
    @Autowired
    TodayInstances today;
    @Autowired
    Clock clock;

    @Test
    void todaysInstancesOfTheUsersProjectsWithTheirLogs() throws Exception {
        DevFixture d = DevFixture.create(port, admin, projects);
        engines.compute(d.project.id(), new Target(Engine.Dialect.DUCKDB, "ADB_FOR_PG", "jdbc:duckdb:"));
        String tag = "o" + UUID.randomUUID().toString().substring(0, 6);
        PublishedNodes.publish(d, tag + "_start", PublishedNodes.VIRTUAL, "-- nothing", tag + ".a", null);
        PublishedNodes.publish(d, tag + "_sum", PublishedNodes.SQL, "select 40 + 2 as " + tag + "_answer", tag + ".b", tag + ".a");
        Instant now = clock.instant();
        assertThat(generator.generate(now.minusSeconds(60), now)).isPositive();

        Row sum = awaitFinal(d, tag + "_sum");
        assertThat(sum.status()).isEqualTo("SUCCESS");
        assertThat(sum.durationMs()).isNotNull().isNotNegative();

        ConsoleSession owner = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, d.f.account), ConsoleFixtures.PASSWORD);
        String page = owner.get("/console/operations").body();
        assertThat(page).contains(sum.instanceId(), tag + "_sum", tag + "_start", d.project.name(), "SUCCESS",
                "href=\"/console/operations/" + sum.instanceId() + "/log\"");

        ConsoleSession.Page log = owner.get("/console/operations/" + sum.instanceId() + "/log");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.body()).contains("Attempt 1: SUCCESS", tag + "_answer");

        NewAccount other = TestAccounts.create(admin, "intelligent");
        ConsoleSession stranger = ConsoleSession.signedIn(port, ConsoleFixtures.consoleUser(logins, other), ConsoleFixtures.PASSWORD);
        assertThat(stranger.get("/console/operations").body()).doesNotContain(sum.instanceId()).contains("No instance has been due yet today");
        assertThat(stranger.get("/console/operations/" + sum.instanceId() + "/log").status()).isEqualTo(404);

        Sub outsider = d.f.sub("outsider" + tag);
        logins.setPassword(outsider.user().id(), ConsoleFixtures.PASSWORD);
        ConsoleSession member = ConsoleSession.signedIn(port, logins.loginNameOf(outsider.user().id()), ConsoleFixtures.PASSWORD);
        assertThat(member.get("/console/operations").body()).as("a tenant member outside the project").doesNotContain(sum.instanceId());
        assertThat(member.get("/console/operations/" + sum.instanceId() + "/log").status()).isEqualTo(404);
        assertThat(today.log(d.f.account.account().id(), outsider.user().id(), "not-an-id")).isEmpty();
    }

    private Row awaitFinal(DevFixture d, String nodeName) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            Row row = today.today(d.f.account.account().id(), d.f.account.mainUser().id()).due().stream()
                    .filter(r -> r.nodeName().equals(nodeName)).findFirst().orElse(null);
            if (row != null && (row.status().equals("SUCCESS") || row.status().equals("FAILED"))) return row;
            assertThat(System.nanoTime()).as("%s still %s", nodeName, row).isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
