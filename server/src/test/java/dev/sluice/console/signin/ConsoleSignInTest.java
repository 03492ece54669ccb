package dev.sluice.console.signin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.sluice.account.AccountAdmin;
import dev.sluice.account.ConsoleLogins;
import dev.sluice.account.NewAccount;
import dev.sluice.console.ConsoleFixtures;
import dev.sluice.console.ConsoleSession;
import dev.sluice.testsupport.RawClient;
import dev.sluice.testsupport.SluiceServerTest;
import dev.sluice.testsupport.TestAccounts;

/** Sign-in, the forced password change, CSRF, sign-out, the operator-only admin view, and an untouched RPC endpoint. */
@SluiceServerTest
class ConsoleSignInTest {

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
    void theConsoleAsksToSignInFirst() {
        var page = new ConsoleSession(port).get("/console");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/console/signin");
        var signIn = new ConsoleSession(port).get("/console/signin");
        assertThat(signIn.status()).isEqualTo(200);
        assertThat(signIn.body()).contains("Sign in", "name=\"_csrf\"");
    }

    @Test
    void aWrongPasswordIsRefusedAndTheRightOneOpensTheOverview() {
        var wrong = new ConsoleSession(port).signIn(login, "not-the-password");
        assertThat(wrong.location()).endsWith("/console/signin?failed");

        ConsoleSession session = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        var overview = session.get("/console");
        assertThat(overview.status()).isEqualTo(200);
        assertThat(overview.body()).contains("Overview", login, "Free quota this month").doesNotContain("Admin</a>");
        assertThat(overview.headers().firstValue("content-security-policy")).hasValueSatisfying(csp -> assertThat(csp).contains("script-src 'self'"));
    }

    @Test
    void postsWithoutTheCsrfTokenAreRefused() {
        ConsoleSession session = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        session.get("/console/keys");
        assertThat(session.postWithoutCsrf("/console/keys", Map.of()).status()).isEqualTo(403);
        assertThat(session.post("/console/keys", Map.of()).status()).isEqualTo(302);
        assertThat(new ConsoleSession(port).postWithoutCsrf("/console/signin", Map.of("username", login,
                "password", ConsoleFixtures.PASSWORD)).status()).isEqualTo(403);
    }

    @Test
    void anIssuedPasswordMustBeChangedBeforeAnythingElse() {
        String issued = logins.issuePassword(account.mainUser().id());
        ConsoleSession session = ConsoleSession.signedIn(port, login, issued);
        var overview = session.get("/console");
        assertThat(overview.status()).isEqualTo(302);
        assertThat(overview.location()).endsWith("/console/password");
        assertThat(session.get("/console/calls").location()).endsWith("/console/password");

        session.get("/console/password");
        var tooShort = session.post("/console/password", Map.of("current", issued, "replacement", "short", "confirmation", "short"));
        assertThat(tooShort.status()).isEqualTo(200);
        assertThat(tooShort.body()).contains("at least 10 characters");
        var changed = session.post("/console/password", Map.of("current", issued, "replacement", "a-new-long-password",
                "confirmation", "a-new-long-password"));
        assertThat(changed.location()).endsWith("/console?passwordChanged");
        assertThat(session.get("/console").status()).isEqualTo(200);
        assertThat(logins.ofUser(account.mainUser().id()).orElseThrow().mustChange()).isFalse();
        ConsoleSession.signedIn(port, login, "a-new-long-password");
    }

    @Test
    void signingOutEndsTheSession() {
        ConsoleSession session = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        session.get("/console");
        assertThat(session.post("/console/signout", Map.of()).location()).endsWith("/console/signin?signedOut");
        assertThat(session.get("/console").location()).endsWith("/console/signin");
    }

    @Test
    void onlyOperatorsSeeTheAdminView() {
        ConsoleSession user = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        assertThat(user.get("/console/admin").status()).isEqualTo(403);

        logins.setOperator(account.mainUser().id(), true);
        ConsoleSession operator = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        var accounts = operator.get("/console/admin");
        assertThat(accounts.status()).isEqualTo(200);
        assertThat(accounts.body()).contains(account.account().name());
    }

    @Test
    void theRpcEndpointAndTheActuatorStayOutsideSpringSecurity() throws Exception {
        var client = new RawClient(port, account.key().accessKeyId(), account.key().accessKeySecret());
        RawClient.Response call = client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).send();
        assertThat(call.status()).isEqualTo(200);
        assertThat(call.headers().firstValue("set-cookie")).isEmpty();
        assertThat(call.headers().firstValue("x-frame-options")).as("no security headers on RPC answers").isEmpty();
        assertThat(client.call("GetMyTenants").param("OpTenantId", account.tenant().id()).get().send().status()).isEqualTo(200);

        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.headers().firstValue("set-cookie")).isEmpty();
    }

    @Test
    void unknownConsolePagesAndBadInputGetAnErrorPageWithoutAStackTrace() {
        ConsoleSession session = ConsoleSession.signedIn(port, login, ConsoleFixtures.PASSWORD);
        var bad = session.get("/console/calls?from=yesterday");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("must be a date").doesNotContain("Exception", "at dev.sluice");
        var missing = session.get("/console/apis/NoSuchOperation");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("There is no operation NoSuchOperation.");
    }
}
