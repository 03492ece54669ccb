package dev.sluice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/**
 * Attacks on the console's sign-in, as a browser-less client over HTTP with cookies and CSRF tokens: guessing a
 * password, spraying names from one address, choosing a weak password, and keeping a session alive after the
 * sign-in behind it changed. Each guessing test comes from addresses of its own in 127/8, so the limits it reaches
 * touch no other test.
 */
@SluiceServerTest
class ConsoleSignInAttackTest {

    private static final String WRONG = "not-the-right-password";

    @LocalServerPort
    int port;

    @Autowired
    AccountAdmin admin;

    @Autowired
    ConsoleLogins logins;

    NewAccount account;
    String login;

    @BeforeEach
    void newAccount() {
        account = TestAccounts.create(admin, "intelligent");
        login = ConsoleFixtures.consoleUser(logins, account);
    }

    @Test
    void sixGuessesLockTheNameAndEvenTheRightPasswordIsRefusedDuringTheLock() {
        InetAddress attacker = freshAddress();
        for (int i = 1; i <= 5; i++) {
            var guess = new ConsoleSession(port, attacker).signIn(login, WRONG + i);
            assertThat(guess.location()).as("guess " + i).endsWith("/console/signin?failed");
        }
        ConsoleSession sixth = new ConsoleSession(port, attacker);
        var refused = sixth.signIn(login, ConsoleFixtures.PASSWORD);
        assertThat(refused.status()).isEqualTo(302);
        assertThat(refused.location()).endsWith("/console/signin?locked=1");
        assertThat(sixth.get("/console").location()).as("not signed in").endsWith("/console/signin");
        assertThat(sixth.get("/console/signin?locked=1").body())
                .contains("Too many failed sign-ins for this name or from this address", "refused for 1 more minute");

        // The lock is the name's, not only the attacker's address's: the owner elsewhere waits too, in any spelling.
        InetAddress owner = freshAddress();
        assertThat(new ConsoleSession(port, owner).signIn(login, ConsoleFixtures.PASSWORD).location()).contains("locked=");
        assertThat(new ConsoleSession(port, owner).signIn(login.toUpperCase(), ConsoleFixtures.PASSWORD).location()).contains("locked=");
    }

    @Test
    void anAddressThatSpraysManyNamesIsRefusedForEveryName() {
        InetAddress sprayer = freshAddress();
        for (int i = 0; i < 20; i++) { // four guesses each at five names: no name reaches its own limit
            String name = "victim-" + (i % 5) + "-" + UUID.randomUUID().toString().substring(0, 8) + "@nowhere";
            assertThat(new ConsoleSession(port, sprayer).signIn(name, WRONG).location()).as("guess " + (i + 1)).endsWith("?failed");
        }
        var refused = new ConsoleSession(port, sprayer).signIn(login, ConsoleFixtures.PASSWORD);
        assertThat(refused.location()).as("a good password from the spraying address").contains("/console/signin?locked=");

        ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD); // the same user from elsewhere is unaffected
    }

    @Test
    void aSuccessfulSignInStartsTheNamesCountAgain() {
        InetAddress user = freshAddress();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) new ConsoleSession(port, user).signIn(login, WRONG);
            var session = new ConsoleSession(port, user);
            assertThat(session.signIn(login, ConsoleFixtures.PASSWORD).location()).as("round " + round).endsWith("/console");
        }
    }

    @Test
    void parallelGuessesCannotSlipPastTheLimit() throws Exception {
        InetAddress attacker = freshAddress();
        var guesses = new java.util.ArrayList<java.util.concurrent.Future<String>>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 12; i++) {
                guesses.add(pool.submit(() -> new ConsoleSession(port, attacker).signIn(login, WRONG).location()));
            }
        }
        long checked = 0;
        for (var guess : guesses) if (guess.get().endsWith("?failed")) checked++;
        assertThat(checked).as("guesses whose password was checked").isLessThanOrEqualTo(5);
    }

    @Test
    void weakPasswordsAreRefusedWithTheRuleTheyBreak() {
        long user = account.mainUser().id();
        assertThatThrownBy(() -> logins.setPassword(user, "password123"))
                .hasMessage("That password is on the list of common passwords that attackers try first; choose another.");
        assertThatThrownBy(() -> logins.setPassword(user, "QWERTYUIOP")).hasMessageContaining("common passwords");
        assertThatThrownBy(() -> logins.setPassword(user, "my-OWNER-pass-42"))
                .hasMessage("A password must not contain the user name (owner).");
        assertThatThrownBy(() -> logins.setPassword(user, "x" + account.account().name() + "x"))
                .hasMessage("A password must not contain the account name (" + account.account().name() + ").");
        assertThatThrownBy(() -> logins.setPassword(user, "short")).hasMessage("A password needs at least 10 characters.");

        ConsoleSession session = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        session.get("/console/password");
        var common = session.post("/console/password", Map.of("current", ConsoleFixtures.PASSWORD,
                "replacement", "iloveyou123", "confirmation", "iloveyou123"));
        assertThat(common.status()).isEqualTo(200);
        assertThat(common.body()).contains("That password is on the list of common passwords");
        var ownName = session.post("/console/password", Map.of("current", ConsoleFixtures.PASSWORD,
                "replacement", "Owner2024-rocks", "confirmation", "Owner2024-rocks"));
        assertThat(ownName.body()).contains("A password must not contain the user name (owner).");
        ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD); // nothing was changed
    }

    @Test
    void disablingTheUserEndsTheirSession() {
        ConsoleSession session = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        assertThat(session.get("/console").status()).isEqualTo(200);

        admin.setUserEnabled(account.mainUser().id(), false);
        var next = session.get("/console/keys");
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.location()).endsWith("/console/signin?ended");
        assertThat(session.get("/console/signin?ended").body()).contains("Your session ended");

        admin.setUserEnabled(account.mainUser().id(), true);
        assertThat(session.get("/console").location()).as("the ended session stays ended").endsWith("/console/signin");
    }

    @Test
    void revokingTheOperatorFlagEndsTheSessionBeforeAnOperatorPageIsServed() {
        logins.setOperator(account.mainUser().id(), true);
        ConsoleSession operator = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        assertThat(operator.get("/console/admin").status()).isEqualTo(200);

        logins.setOperator(account.mainUser().id(), false);
        var page = operator.get("/console/admin");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/console/signin?ended");
        assertThat(page.body()).doesNotContain(account.account().name());
        assertThat(operator.get("/console").location()).endsWith("/console/signin");
    }

    @Test
    void aPasswordChangedElsewhereEndsOtherSessionsButNotTheOneThatChangedIt() {
        ConsoleSession stolen = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        ConsoleSession owner = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        assertThat(stolen.get("/console").status()).isEqualTo(200);

        owner.get("/console/password");
        var changed = owner.post("/console/password", Map.of("current", ConsoleFixtures.PASSWORD,
                "replacement", "a-fresh-and-long-one", "confirmation", "a-fresh-and-long-one"));
        assertThat(changed.location()).endsWith("/console?passwordChanged");
        assertThat(owner.get("/console").status()).as("the session that changed it goes on").isEqualTo(200);
        assertThat(stolen.get("/console").location()).as("every other session ends").endsWith("/console/signin?ended");

        logins.issuePassword(account.mainUser().id()); // an operator's reset ends the owner's session too
        assertThat(owner.get("/console").location()).endsWith("/console/signin?ended");
    }

    /** A loopback address no other test uses, so each test's per-address count starts at zero. */
    private static InetAddress freshAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        try {
            return InetAddress.getByAddress(new byte[] {127, (byte) random.nextInt(16, 250), (byte) random.nextInt(1, 250),
                    (byte) random.nextInt(1, 250)});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
